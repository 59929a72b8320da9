package gfgd.thm2;

import gfgd.objective.Dataset;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import gfgd.objective.Initialisations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for claim {@code thm2}'s properties: scalar-output deep linear nets, data and points over decades of scale. */
public final class Thm2Arbitraries {

    public static final int MIN_DEPTH = 2;
    public static final int MAX_DEPTH = 5;
    public static final int MAX_WIDTH = 4;

    private Thm2Arbitraries() {
    }

    /**
     * A scalar-output deep linear net on seeded Gaussian regression data, with a point whose entries are
     * iid {@code N(0, (10^logScale)^2)}.
     *
     * @param widths    {@code d_0, ..., d_{N-1}, 1}
     * @param samples   m
     * @param dataSeed  seed of the data
     * @param pointSeed seed of theta
     * @param logScale  log10 of the entries' standard deviation, in [-3, 1]
     */
    public record NetCase(int[] widths, int samples, long dataSeed, long pointSeed, double logScale) {

        public int depth() {
            return widths.length - 1;
        }

        public Dataset data() {
            return Datasets.gaussianRegression(samples, widths[0], 1, 0.5, dataSeed);
        }

        public double[] theta() {
            return Initialisations.gaussian(DeepLinear.parameterCount(widths), Math.pow(10, logScale), pointSeed).values();
        }

        @Override
        public String toString() {
            return "NetCase" + java.util.Arrays.toString(widths) + "(m=" + samples + ", dataSeed=" + dataSeed
                    + ", pointSeed=" + pointSeed + ", scale=10^" + logScale + ")";
        }
    }

    /** Widths {@code d_0..d_N} with {@code N} in 2..5, hidden and input widths in 1..4, output 1. */
    public static Arbitrary<int[]> widths() {
        return Arbitraries.integers().between(MIN_DEPTH, MAX_DEPTH).flatMap(depth ->
                Arbitraries.integers().between(1, MAX_WIDTH).array(int[].class).ofSize(depth).map(w -> {
                    int[] all = java.util.Arrays.copyOf(w, depth + 1);
                    all[depth] = 1;
                    return all;
                }));
    }

    public static Arbitrary<NetCase> nets() {
        return Combinators.combine(
                widths(),
                Arbitraries.integers().between(1, 8),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.doubles().between(-3, 1).ofScale(3))
                .as(NetCase::new)
                .withoutEdgeCases();
    }
}

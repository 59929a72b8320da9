package gfgd.objective;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Bounded generators for objective properties: small deep linear networks on seeded decimal data.
 */
public final class ObjectiveArbitraries {

    /** Widths stay small so that apfloat central differences over every parameter stay cheap. */
    public static final int MAX_WIDTH = 4;
    public static final int MAX_DEPTH = 4;

    private ObjectiveArbitraries() {
    }

    /**
     * A deep linear net with its data and a point: widths {@code d_0..d_N}, {@code N} in 1..4, each width
     * in 1..4, {@code m} in 1..8 samples, parameters iid {@code N(0, scale^2)} with {@code scale} in
     * [0.1, 1.5].
     *
     * @param widths    {@code d_0, ..., d_N}
     * @param samples   m
     * @param dataSeed  seed of the decimal data
     * @param pointSeed seed of theta and the direction v
     * @param scale     standard deviation of theta's entries
     */
    public record DeepLinearCase(int[] widths, int samples, long dataSeed, long pointSeed, double scale) {

        public int depth() {
            return widths.length - 1;
        }

        public Dataset data() {
            return DeepLinearTest.decimalData(samples, widths[0], widths[depth()], dataSeed);
        }

        public double[] theta() {
            return DeepLinearTest.gaussian(DeepLinear.parameterCount(widths), scale, pointSeed);
        }

        public double[] direction() {
            return DeepLinearTest.gaussian(DeepLinear.parameterCount(widths), 1.0, pointSeed + 1);
        }

        @Override
        public String toString() {
            return "DeepLinearCase" + java.util.Arrays.toString(widths) + "(m=" + samples + ", dataSeed=" + dataSeed
                    + ", pointSeed=" + pointSeed + ", scale=" + scale + ")";
        }
    }

    public static Arbitrary<int[]> widths() {
        return Arbitraries.integers().between(1, MAX_DEPTH).flatMap(depth ->
                Arbitraries.integers().between(1, MAX_WIDTH).array(int[].class).ofSize(depth + 1));
    }

    public static Arbitrary<DeepLinearCase> deepLinearCases() {
        return Combinators.combine(
                widths(),
                Arbitraries.integers().between(1, 8),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.doubles().between(0.1, 1.5).ofScale(2))
                .as(DeepLinearCase::new);
    }
}

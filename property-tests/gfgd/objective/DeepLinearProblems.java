package gfgd.objective;

import gfgd.dln.NearZeroStart;
import gfgd.dln.Problem;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;

/**
 * Bounded generators of deep linear problems with scalar output started near zero: the arbitraries every
 * convergence property draws from ({@code gfgd.prop2}, {@code gfgd.thm3}, and new conjectures).
 *
 * <p>A {@link Spec} is a depth {@code N} in 2..{@value #MAX_DEPTH}, hidden widths in 1..{@value #MAX_WIDTH},
 * an input dimension in 1..{@value #MAX_INPUTS}, {@value #MIN_SAMPLES}..{@value #MAX_SAMPLES} samples with
 * standard Gaussian features and targets that are either {@link Targets#PLANTED} (a random linear map
 * plus noise) or {@link Targets#ARBITRARY} (independent Gaussians), and a {@link NearZeroStart}: Gaussian
 * or uniform entries of standard deviation {@code alpha}, log-uniform in
 * {@code [10^-(ESCAPE_DECADES/(N-2)), 10^-0.5]} (for {@code N = 2}: {@code [1e-4, 10^-0.5]}), so that
 * {@code alpha^-(N-2) <= 10^ESCAPE_DECADES}: the escape time stays affordable at every depth.
 *
 * <p>Shrinking goes toward depth 2, width 1, dimension 1, {@value #MIN_SAMPLES} samples, planted targets,
 * Gaussian starts and the largest {@code alpha}. Edge cases are off for the start (an exact zero or a
 * symmetric start is a measure-zero saddle, math brief section 4, not a sample of a random initialisation).
 * The data are filtered to condition number {@code lambda_max / lambda_min+ (X X'/m) <=} {@value #MAX_CONDITION}.
 *
 * <p>{@link #collectStatistics} labels depth, alpha decade and regime and checks that each is covered.
 */
public final class DeepLinearProblems {

    public static final int MAX_DEPTH = 6;
    public static final int MAX_WIDTH = 8;
    public static final int MAX_INPUTS = 8;
    public static final int MIN_SAMPLES = 3;
    public static final int MAX_SAMPLES = 40;
    /** {@code alpha^-(N-2)} is at most {@code 10^ESCAPE_DECADES}: the slowest escape is about 300 / ||b|| time units. */
    public static final double ESCAPE_DECADES = 2.5;
    /** The largest {@code alpha}: {@code 10^-0.5 = 0.32}. */
    public static final double MAX_ALPHA_EXPONENT = -0.5;
    /** The smallest {@code alpha} at depth 2, where escape grows only like {@code log(1/alpha)}. */
    public static final double MIN_ALPHA_EXPONENT_DEPTH_2 = -4;
    /**
     * Data whose moment matrix is worse conditioned are not generated: the final phase lasts
     * {@code ln(1/eps) / lambda_min+}, and the claims are about the scaling in {@code alpha}, not about conditioning.
     */
    public static final double MAX_CONDITION = 100;
    /** Noise of planted targets, relative to the signal's unit scale. */
    public static final double PLANTED_NOISE = 0.1;

    /** How the targets are made. */
    public enum Targets {
        /** {@code y = w x + 0.1 e} with a random teacher {@code w}: the regression the claims are about. */
        PLANTED,
        /** {@code y} iid standard Gaussian, independent of {@code x}: any data set. */
        ARBITRARY
    }

    /** Whether the linear model can fit the data exactly. */
    public enum Regime {
        /** {@code m <= d_0}: {@code f* = 0} (generic data). */
        INTERPOLATING,
        /** {@code m > d_0}: {@code f* > 0} (generic data). */
        REGRESSION
    }

    private DeepLinearProblems() {
    }

    /**
     * One generated problem, printed in full when a property fails (every field is needed to rebuild it).
     *
     * @param hidden   hidden widths {@code d_1..d_{N-1}}
     * @param inputs   {@code d_0}
     * @param samples  {@code m}
     * @param targets  planted or arbitrary
     * @param dataSeed seed of the data
     * @param start    the near-zero initialisation
     */
    public record Spec(int[] hidden, int inputs, int samples, Targets targets, long dataSeed, NearZeroStart start) {

        public Spec {
            hidden = hidden.clone();
        }

        @Override
        public int[] hidden() {
            return hidden.clone();
        }

        /** The depth {@code N}. */
        public int depth() {
            return hidden.length + 1;
        }

        /** {@code d_0, d_1, ..., d_{N-1}, 1}. */
        public int[] widths() {
            int[] w = new int[hidden.length + 2];
            w[0] = inputs;
            System.arraycopy(hidden, 0, w, 1, hidden.length);
            w[w.length - 1] = 1;
            return w;
        }

        /** The data set (Gaussian features; planted or arbitrary targets) from {@code dataSeed}. */
        public Dataset data() {
            return DeepLinearProblems.data(inputs, samples, targets, dataSeed);
        }

        /** The problem: this net on these data from this start. */
        public Problem problem() {
            return Problem.of(data(), widths(), start);
        }

        public Regime regime() {
            return samples <= inputs ? Regime.INTERPOLATING : Regime.REGRESSION;
        }

        /** {@code "1e-2"} for alpha in [0.01, 0.1). */
        public String alphaDecade() {
            return "1e" + (int) Math.floor(Math.log10(start.alpha()));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Spec(widths=%s, samples=%d, targets=%s, dataSeed=%d, start=%s)",
                    Arrays.toString(widths()), samples, targets, dataSeed, start);
        }
    }

    /** Every depth 2..{@value #MAX_DEPTH}. */
    public static Arbitrary<Spec> problems() {
        return problems(MAX_DEPTH);
    }

    /** Depths 2..{@code maxDepth}. */
    public static Arbitrary<Spec> problems(int maxDepth) {
        return Arbitraries.integers().between(2, maxDepth).flatMap(depth -> Combinators.combine(
                        Arbitraries.integers().between(1, MAX_WIDTH).array(int[].class).ofSize(depth - 1),
                        Arbitraries.integers().between(1, MAX_INPUTS),
                        Arbitraries.integers().between(MIN_SAMPLES, MAX_SAMPLES)
                                .withDistribution(RandomDistribution.biased()),
                        Arbitraries.of(Targets.class),
                        Arbitraries.longs().between(0, 1_000_000).withoutEdgeCases(),
                        starts(depth))
                .as(Spec::new))
                .filter(s -> wellConditioned(s.data()));
    }

    /** Near-zero starts for depth {@code N}: distribution, log-uniform alpha (see the class comment), seed; no edge cases. */
    public static Arbitrary<NearZeroStart> starts(int depth) {
        double lowest = depth == 2 ? MIN_ALPHA_EXPONENT_DEPTH_2 : Math.ceil(-1000 * ESCAPE_DECADES / (depth - 2)) / 1000;
        return Combinators.combine(
                        Arbitraries.of(NearZeroStart.Distribution.class),
                        Arbitraries.doubles().between(lowest, MAX_ALPHA_EXPONENT).ofScale(3),
                        Arbitraries.longs().between(0, 1_000_000))
                .as((dist, exponent, seed) -> new NearZeroStart(dist, Math.pow(10, exponent), seed))
                .withoutEdgeCases();
    }

    /**
     * {@code d_0} standard Gaussian features per sample; targets {@link Datasets#gaussianRegression}
     * (teacher {@code N(0, 1/d_0)}, noise {@value #PLANTED_NOISE}) or iid standard Gaussian. One seeded stream.
     */
    public static Dataset data(int inputs, int samples, Targets targets, long seed) {
        if (targets == Targets.PLANTED) {
            return Datasets.gaussianRegression(samples, inputs, 1, PLANTED_NOISE, seed);
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[samples * inputs];
        double[] y = new double[samples];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < inputs; i++) {
                x[s * inputs + i] = r.nextGaussian();
            }
            y[s] = r.nextGaussian();
        }
        return Dataset.of("arbitrary(m=" + samples + ",seed=" + seed + ")", samples, inputs, 1, x, y);
    }

    private static boolean wellConditioned(Dataset data) {
        LeastSquares ls = LeastSquares.of(data);
        return ls.sxxMax() <= MAX_CONDITION * ls.sxxMinPositive() && ls.bNorm() > 0;
    }

    /**
     * Labels the spec's depth, alpha decade and regime for jqwik's statistics report, and checks at the
     * end of the property that every depth, every decade 1e-1..1e-3 and both regimes were generated.
     */
    public static void collectStatistics(Spec spec) {
        Statistics.label("depth").collect(spec.depth());
        Statistics.label("alpha decade").collect(spec.alphaDecade());
        Statistics.label("regime").collect(spec.regime());
        Statistics.label("depth").coverage(c -> {
            for (int n = 2; n <= MAX_DEPTH; n++) {
                c.check(n).count(k -> k > 0);
            }
        });
        Statistics.label("alpha decade").coverage(c -> {
            for (String decade : new String[] {"1e-1", "1e-2", "1e-3"}) {
                c.check(decade).count(k -> k > 0);
            }
        });
        Statistics.label("regime").coverage(c -> {
            for (Regime r : Regime.values()) {
                c.check(r).count(k -> k > 0);
            }
        });
    }
}

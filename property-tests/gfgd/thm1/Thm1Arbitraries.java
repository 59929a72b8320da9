package gfgd.thm1;

import gfgd.objective.DeepLinear;
import gfgd.objective.ObjectiveArbitraries;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Bounded generators for claim {@code thm1}'s discrete bound: random quadratics and small random deep linear
 * nets, each with a step fraction {@code c} (the step is {@code eta = c / max|lambda(H(theta_0))|}, so
 * {@code eta lambda_max <= 1} at the start) and a number of GD steps. No edge cases: every start, step and
 * scale is bounded away from zero.
 */
public final class Thm1Arbitraries {

    /** Quadratics have dimension 1..4. */
    public static final int MAX_DIMENSION = 4;
    /** Deep linear nets have at most this many parameters (apfloat Taylor flow stays cheap). */
    public static final int MAX_PARAMETERS = 12;
    /** Depth of the generated nets: at most 3. */
    public static final int MAX_DEPTH = 3;
    /** GD steps per case. */
    public static final int MAX_STEPS = 30;

    private Thm1Arbitraries() {
    }

    /**
     * {@code f = 1/2 x'Ax - b'x} with {@code A}'s entries (symmetrised), {@code b} and {@code theta_0} iid
     * standard Gaussian from {@code seed} (so {@code A} is indefinite as often as not).
     */
    public record QuadraticCase(int n, long seed, double c, int steps) {

        /** {@code A} row-major. */
        public double[] matrix() {
            SplittableRandom r = new SplittableRandom(seed);
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double v = r.nextGaussian();
                    a[i * n + j] = v;
                    a[j * n + i] = v;
                }
            }
            return a;
        }

        /** {@code b} then {@code theta_0}, after {@code A}'s draws. */
        public double[][] linearAndStart() {
            SplittableRandom r = new SplittableRandom(seed);
            for (int k = 0; k < n * (n + 1) / 2; k++) {
                r.nextGaussian();
            }
            double[] b = new double[n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = r.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian();
            }
            return new double[][] {b, x};
        }
    }

    /** A small deep linear net with its data and start ({@link ObjectiveArbitraries.DeepLinearCase}). */
    public record DeepLinearCase(ObjectiveArbitraries.DeepLinearCase net, double c, int steps) {
    }

    /** Step fractions in [0.05, 1]. */
    public static Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0.05, 1).ofScale(3).withoutEdgeCases();
    }

    /** GD steps in 5..{@link #MAX_STEPS}. */
    public static Arbitrary<Integer> steps() {
        return Arbitraries.integers().between(5, MAX_STEPS).withoutEdgeCases();
    }

    public static Arbitrary<QuadraticCase> quadratics() {
        return Combinators.combine(Arbitraries.integers().between(1, MAX_DIMENSION),
                Arbitraries.longs().between(0, 1_000_000).withoutEdgeCases(), fractions(), steps())
                .as(QuadraticCase::new);
    }

    public static Arbitrary<DeepLinearCase> deepLinearNets() {
        Arbitrary<ObjectiveArbitraries.DeepLinearCase> nets = ObjectiveArbitraries.deepLinearCases()
                .filter(c -> c.depth() <= MAX_DEPTH && DeepLinear.parameterCount(c.widths()) <= MAX_PARAMETERS)
                .withoutEdgeCases();
        return Combinators.combine(nets, fractions(), steps()).as(DeepLinearCase::new);
    }
}

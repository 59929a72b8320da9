package gfgd.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test-only claims exercising the framework: the "claim" is that the mean of n seeded uniform draws
 * from [0, 1) lies within {@code tolerance} of 1/2; its negative control shifts the draws by
 * {@code shift}. Variants pass, fail, cannot fail, or throw.
 */
public final class FakeClaims {

    private FakeClaims() {
    }

    /** Reason text of {@link #failing()}: the check asks for an impossible tolerance. */
    public static final String FAILING_REASON_PREFIX = "mean deviation";

    /** A claim that passes, with a plot, and whose control is detected. */
    public static Claim passing() {
        return new MeanClaim("fake-pass", 0.05, 0.3, true, false);
    }

    /** A claim that passes, without plots, and whose control is detected. */
    public static Claim passingWithoutPlots() {
        return new MeanClaim("fake-noplot", 0.05, 0.3, false, false);
    }

    /** A claim whose check fails (tolerance below the sampling error). */
    public static Claim failing() {
        return new MeanClaim("fake-fail", 1e-12, 0.3, true, false);
    }

    /** A claim whose negative control passes too: the check cannot fail. */
    public static Claim blindControl() {
        return new MeanClaim("fake-blind", 0.05, 0.0, false, false);
    }

    /** A claim whose check throws. */
    public static Claim throwing() {
        return new MeanClaim("fake-throw", 0.05, 0.3, false, true);
    }

    static final class MeanClaim implements Claim {
        private final String id;
        private final double tolerance;
        private final double shift;
        private final boolean plots;
        private final boolean throwing;

        MeanClaim(String id, double tolerance, double shift, boolean plots, boolean throwing) {
            this.id = id;
            this.tolerance = tolerance;
            this.shift = shift;
            this.plots = plots;
            this.throwing = throwing;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return "Mean of uniforms is 1/2 | " + id;
        }

        @Override
        public String reference() {
            return "test fixture";
        }

        @Override
        public String statement() {
            return "|mean of n seeded U[0,1) draws - 1/2| <= " + tolerance;
        }

        @Override
        public String negativeControlDescription() {
            return "the draws shifted by " + shift;
        }

        @Override
        public Verdict check(Settings settings) {
            return run(settings, 0.0);
        }

        @Override
        public Verdict negativeControl(Settings settings) {
            return run(settings, shift);
        }

        private Verdict run(Settings settings, double offset) {
            if (throwing) {
                throw new IllegalStateException("fixture failure in " + id);
            }
            int n = settings.choose(2_000, 20_000);
            SplittableRandom random = new SplittableRandom(settings.seed());
            double sum = 0;
            List<Double> running = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                sum += random.nextDouble() + offset;
                if (i % 100 == 0) {
                    running.add(sum / i);
                }
            }
            double deviation = Math.abs(sum / n - 0.5);
            Verdict.Builder v = Verdict.builder(settings).figure("n", n);
            v.requireAtMost(FAILING_REASON_PREFIX, deviation, tolerance);
            if (plots) {
                double[] x = new double[running.size()];
                double[] y = new double[running.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = 100.0 * (i + 1);
                    y[i] = running.get(i);
                }
                v.plot(Plot.linear("running-mean", "Running mean", "n", "mean", List.of(new Series("mean, seeded", x, y))));
            }
            return v.build();
        }
    }
}

package gfgd.dln;

import gfgd.dynamics.DormandPrinceFlow;
import gfgd.dynamics.GradientDescent;
import gfgd.dynamics.GradientFlow;
import gfgd.dynamics.GridHandler;
import gfgd.numeric.Checks;
import gfgd.objective.DeepLinear;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs gradient descent or gradient flow on a {@link Problem} until the relative optimality gap
 * {@code (f - f*) / (f(theta_0) - f*)} falls to {@code eps}, or a budget runs out.
 *
 * <p>Both runs stop early: GD runs in chunks of {@link #CHUNK} steps through {@link GradientDescent#run}
 * (the gap is evaluated at every iterate, so {@code K} is exact); GF is solved in {@link #SEGMENTS}
 * consecutive segments by {@link DormandPrinceFlow#sample}, with the gap evaluated on a grid of
 * {@link #GRID_PER_SEGMENT} points per segment, so the hitting time is the first grid time, at most
 * {@code maxTime / (SEGMENTS * GRID_PER_SEGMENT)} after the true one.
 */
public final class Convergence {

    /** GD steps per chunk: the gap is tracked at every step; the run stops at the end of the chunk it is reached in. */
    public static final long CHUNK = 256;
    /** GF segments over the time budget. */
    public static final int SEGMENTS = 32;
    /** Grid points per GF segment (time resolution {@code maxTime / 8192}). */
    public static final int GRID_PER_SEGMENT = 256;

    /**
     * The outcome of one run.
     *
     * @param reached  whether the gap reached {@code eps} within the budget
     * @param hit      the first iteration {@code K} (GD) or grid time {@code T} (GF) with gap {@code <= eps};
     *                 {@code NaN} if not reached
     * @param budget   the step or time budget
     * @param gapRatio the last measured {@code (f - f*) / (f(theta_0) - f*)} (at the hit, or at the end)
     * @param end      the state where the run stopped
     * @param reason   how it ended, in words
     */
    public record Run(boolean reached, double hit, double budget, double gapRatio, DMatrixRMaj end, String reason) {
    }

    private Convergence() {
    }

    /** Tracks the relative gap on a grid and remembers the first grid index where it is at most eps. */
    private static final class GapTracker implements GridHandler<DMatrixRMaj> {
        private final DeepLinear<Double, DMatrixRMaj> f;
        private final double fStar;
        private final double gap0;
        private final double eps;
        long offset;
        long hitIndex = -1;
        double lastRatio = 1;
        DMatrixRMaj hitState;

        GapTracker(DeepLinear<Double, DMatrixRMaj> f, double fStar, DMatrixRMaj theta0, double eps) {
            this.f = f;
            this.fStar = fStar;
            this.gap0 = f.value(theta0) - fStar;
            this.eps = eps;
            if (!(gap0 > 0)) {
                throw new IllegalArgumentException("f(theta_0) - f* must be positive, got " + gap0
                        + " (theta_0 is already a global minimum)");
            }
        }

        @Override
        public void handleStep(long k, DMatrixRMaj theta) {
            if (hitIndex >= 0) {
                return;
            }
            lastRatio = (f.value(theta) - fStar) / gap0;
            if (lastRatio <= eps) {
                hitIndex = offset + k;
                hitState = theta.copy();
            }
        }
    }

    /**
     * Gradient descent with step {@code eta} from {@code p}'s start until the relative gap is at most
     * {@code eps}, for at most {@code maxSteps} steps. A run that diverges (non-finite state, or loss above
     * {@link GradientDescent#DEFAULT_DIVERGENCE_FACTOR} times the initial one) is not reached.
     */
    public static Run descent(Problem p, double eta, double eps, long maxSteps) {
        Checks.positive("eta", eta);
        requireEps(eps);
        Checks.atLeast("maxSteps", maxSteps, 1);
        DeepLinear<Double, DMatrixRMaj> f = p.objective();
        DMatrixRMaj theta = p.theta0();
        GapTracker gap = new GapTracker(f, p.optimum().fStar(), theta, eps);
        GradientDescent<Double, DMatrixRMaj> gd = GradientDescent.of(f, eta).withCheckEvery(CHUNK);
        long done = 0;
        while (done < maxSteps) {
            long chunk = Math.min(CHUNK, maxSteps - done);
            gap.offset = done;
            GradientDescent.Result<Double, DMatrixRMaj> r = gd.run(theta, chunk, gap);
            if (gap.hitIndex >= 0) {
                return new Run(true, gap.hitIndex, maxSteps, gap.lastRatio, gap.hitState,
                        "reached gap " + eps + " at K = " + gap.hitIndex);
            }
            if (!r.completed()) {
                return new Run(false, Double.NaN, maxSteps, gap.lastRatio, r.state(),
                        "GD stopped in the chunk of steps after step " + done + ": " + r.reason());
            }
            theta = r.state();
            done += chunk;
        }
        return new Run(false, Double.NaN, maxSteps, gap.lastRatio, theta,
                "relative gap " + gap.lastRatio + " > " + eps + " after the budget of " + maxSteps + " steps");
    }

    /**
     * Gradient flow by {@code solver} from {@code p}'s start until the relative gap is at most {@code eps},
     * up to time {@code maxTime}.
     */
    public static Run flow(Problem p, DormandPrinceFlow solver, double eps, double maxTime) {
        requireEps(eps);
        Checks.positive("maxTime", maxTime);
        DeepLinear<Double, DMatrixRMaj> f = p.objective();
        DMatrixRMaj theta = p.theta0();
        GapTracker gap = new GapTracker(f, p.optimum().fStar(), theta, eps);
        double dt = maxTime / ((double) SEGMENTS * GRID_PER_SEGMENT);
        GradientFlow<Double, DMatrixRMaj> field = GradientFlow.of(f);
        for (int s = 0; s < SEGMENTS; s++) {
            gap.offset = (long) s * GRID_PER_SEGMENT;
            theta = solver.sample(field, theta, dt, GRID_PER_SEGMENT, gap).theta();
            if (gap.hitIndex >= 0) {
                return new Run(true, gap.hitIndex * dt, maxTime, gap.lastRatio, gap.hitState,
                        "reached gap " + eps + " at T = " + gap.hitIndex * dt);
            }
        }
        return new Run(false, Double.NaN, maxTime, gap.lastRatio, theta,
                "relative gap " + gap.lastRatio + " > " + eps + " at the time budget " + maxTime);
    }

    private static void requireEps(double eps) {
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("eps must be in (0, 1), got " + eps);
        }
    }
}

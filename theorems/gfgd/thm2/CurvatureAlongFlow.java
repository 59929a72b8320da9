package gfgd.thm2;

import gfgd.curvature.CurvatureFlow;
import gfgd.curvature.CurvatureProfile;
import gfgd.dynamics.DormandPrinceFlow;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.DeepLinear;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The predicates of claim {@code thm2} on one deep linear net: the exact values of math brief 3a, the
 * pointwise bound of 3b, and one gradient-flow trajectory from a given start with its curvature profile
 * (3c), in double.
 */
public final class CurvatureAlongFlow {

    /** The solver's relative tolerance for trajectories on data (about 1e-8 absolute on the integral). */
    static final double RELATIVE_TOLERANCE = 1e-10;
    /** Absolute tolerance: the parameters start at 1e-3, so it must be well below that. */
    static final double ABSOLUTE_TOLERANCE = 1e-12;
    /**
     * The closed-form cross-check's tolerances: tighter, since the kink of {@code lambda_-} where
     * {@code lambda_min} crosses 0 costs the solver orders of accuracy (1e-10 left gaps of 1.3e-6).
     */
    static final double EXACT_RELATIVE_TOLERANCE = 1e-13;
    static final double EXACT_ABSOLUTE_TOLERANCE = 1e-15;
    /** Grid spacing in the rescaled clock: about 20 samples per unit of log-growth of the escaping layers. */
    static final double CLOCK_STEP = 0.1;
    /** Grid steps per solver run; convergence is checked between runs. */
    static final int CHUNK = 50;
    /**
     * The run stops once {@code ||grad f|| <= 1e-9}: by the bound of brief 3b, {@code |lambda_-|} is then
     * of order 1e-9 and decays at the flow's linear rate, so the neglected tail of the integral is of
     * order 1e-8, far below every tolerance on it.
     */
    static final double GRADIENT_STOP = 1e-9;
    /** A run that has not converged by this clock is an error (the rescaled flows converge by s of order 100). */
    static final double MAX_CLOCK = 1e5;

    private CurvatureAlongFlow() {
    }

    /**
     * One gradient-flow trajectory with its profile.
     *
     * @param depth      N
     * @param alpha      the initialisation scale
     * @param integral   {@code int_0^infinity lambda_- dt}, carried in the ODE
     * @param trapezoid  the same integral by the trapezoid rule on the grid samples (cross-check)
     * @param finalLoss  {@code f} at the end
     * @param time       the final time {@code t}
     * @param profile    the sampled profile (with the bound of brief 3b)
     */
    record Trajectory(int depth, double alpha, double integral, double trapezoid, double finalLoss, double time,
            CurvatureProfile<Double, DMatrixRMaj> profile) {

        /** {@code int lambda_- + (N-1) ln(1/alpha)}, the quantity brief 3c.2 says is O(1). */
        double centred() {
            return integral + (depth - 1) * Math.log(1 / alpha);
        }

        /** The largest ratio {@code -lambda_min / B} of brief 3b along the trajectory. */
        double maxBoundRatio() {
            return profile.maxBoundRatio();
        }

        /** {@code min_t lambda_min}. */
        double minLambdaMin() {
            return profile.minLambdaMin();
        }

        /** {@code sup_t -lambda_min / ||grad f||^((N-2)/(N-1))} ({@link #gradientPowerRatio}). */
        double gradientPowerSup() {
            return gradientPowerRatio(profile, depth);
        }
    }

    /**
     * Gradient flow of {@code f} from {@code theta0} by {@link CurvatureFlow} (DOP853, rescaled clock),
     * with its profile.
     *
     * @param exact whether to use the tighter tolerances of the closed-form cross-check
     */
    static Trajectory trajectory(DeepLinear<Double, DMatrixRMaj> f, double alpha, double[] theta0, boolean exact) {
        DormandPrinceFlow solver = DormandPrinceFlow.defaults().withoutErrorEstimate().withTolerances(
                exact ? EXACT_RELATIVE_TOLERANCE : RELATIVE_TOLERANCE, exact ? EXACT_ABSOLUTE_TOLERANCE : ABSOLUTE_TOLERANCE);
        CurvatureProfile<Double, DMatrixRMaj> profile = CurvatureProfile.of(f);
        CurvatureFlow.Run run = CurvatureFlow.of(f).run(solver, DoubleArithmetic.INSTANCE.vector(theta0), CLOCK_STEP,
                CHUNK, GRADIENT_STOP, MAX_CLOCK, profile);
        if (!run.converged()) {
            throw new IllegalStateException("gradient flow of " + f + " from scale " + alpha
                    + " did not reach ||grad f|| <= " + GRADIENT_STOP + " by clock " + run.clock());
        }
        return new Trajectory(f.depth(), alpha, run.integral(), profile.totalIntegral(), f.value(run.theta()),
                run.time(), profile);
    }

    /**
     * {@code sup_t max(-lambda_min - EIGEN_NOISE ||H||, 0) / ||grad f||^((N-2)/(N-1))} over the profile's
     * samples (brief 3c.3); samples with a zero gradient are skipped. For {@code N = 2} the exponent is 0.
     */
    static double gradientPowerRatio(CurvatureProfile<Double, DMatrixRMaj> profile, int depth) {
        double[] lmin = profile.lambdaMin();
        double[] lmax = profile.lambdaMax();
        double[] g = profile.gradientNorm();
        double exponent = (depth - 2.0) / (depth - 1.0);
        double sup = 0;
        for (int i = 0; i < lmin.length; i++) {
            double noise = CurvatureProfile.EIGEN_NOISE * Math.max(Math.abs(lmin[i]), Math.abs(lmax[i]));
            double neg = Math.max(-lmin[i] - noise, 0.0);
            if (neg > 0 && g[i] > 0) {
                sup = Math.max(sup, neg / Math.pow(g[i], exponent));
            }
        }
        return sup;
    }

    /**
     * The balanced scalar net's closed form (brief 3c.2): for {@code x = y = 1} and every layer starting at
     * {@code alpha}, {@code int_0^infinity lambda_- dt = -(N-1) ln(1/alpha) - ((N-1)/N) ln((N-1)/(2N-1))
     * - ln(N/(2N-1)) + ln(1 - alpha^N)}.
     */
    static double closedFormIntegral(int depth, double alpha) {
        int n = depth;
        return -(n - 1) * Math.log(1 / alpha) - (n - 1.0) / n * Math.log((n - 1.0) / (2 * n - 1))
                - Math.log(n / (2.0 * n - 1)) + Math.log1p(-Math.pow(alpha, n));
    }

    /** The data set {@code x = y = 1} (one sample, one input, one output) of the scalar nets. */
    static Dataset unitData() {
        return Dataset.of("x = y = 1", 1, 1, 1, new double[] {1}, new double[] {1});
    }

    /** The scalar net of depth {@code N} on {@link #unitData}: {@code f = (a_N ... a_1 - 1)^2 / 2}. */
    static DeepLinear<Double, DMatrixRMaj> scalarNet(int depth) {
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, 1);
        return DeepLinear.of(DoubleArithmetic.INSTANCE, unitData(), widths);
    }

    /** {@code ||b|| = ||(1/m) Y X'||_F}, the norm of the end-to-end loss gradient at 0. */
    static double normB(Dataset data) {
        int m = data.samples();
        int d0 = data.inputs();
        int out = data.outputs();
        double[] x = data.x();
        double[] y = data.y();
        double s = 0;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < d0; i++) {
                double v = 0;
                for (int k = 0; k < m; k++) {
                    v += y[k * out + o] * x[k * d0 + i];
                }
                s += (v / m) * (v / m);
            }
        }
        return Math.sqrt(s);
    }
}

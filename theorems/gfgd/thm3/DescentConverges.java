package gfgd.thm3;

import gfgd.curvature.DenseSpectrum;
import gfgd.dln.Budget;
import gfgd.dln.Convergence;
import gfgd.dln.Problem;
import gfgd.objective.LeastSquares;

/**
 * The predicate of claim {@code thm3} on one {@link Problem}: gradient descent with a step {@code eta}
 * satisfying the translated condition {@code eta <= 1 / lambda_max} on the region it crosses reaches
 * {@code f - f* <= eps (f(theta_0) - f*)} within {@link Budget#steps} steps. {@code lambda_max} is that of
 * the Hessian ({@link DenseSpectrum#ofHessian}) at the start and at the point reached: the trajectory
 * leaves the flat origin once and ends in the valley of global minima, where the curvature is largest.
 */
public final class DescentConverges {

    /**
     * The step is this fraction of {@code 1 / lambda_ref}, with {@code lambda_ref} the larger of
     * {@code lambda_max} at the start and the sharpness {@code N ||w*||^(2-2/N) lambda_max(Sxx)} of the
     * balanced global minimum (a Gauss-Newton bound; 2.51, 3.58, 4.63 against the brief's 2.47, 3.51,
     * 4.54 for N = 2, 3, 4). The factor 1/2 leaves room for the limit to be twice as sharp as estimated
     * (an unbalanced limit) before {@code eta <= 1/lambda_max} is violated at the end.
     */
    public static final double STEP_SAFETY = 0.5;

    /**
     * The outcome on one problem.
     *
     * @param run               the GD run
     * @param eta               its step
     * @param etaLambdaMaxStart {@code eta lambda_max(H(theta_0))}
     * @param etaLambdaMaxEnd   {@code eta lambda_max(H)} where the run stopped
     */
    public record Outcome(Convergence.Run run, double eta, double etaLambdaMaxStart, double etaLambdaMaxEnd) {

        /** Whether GD converged within the budget with {@code eta lambda_max <= 1} at both ends. */
        public boolean holds() {
            return run.reached() && etaLambdaMaxStart <= 1 && etaLambdaMaxEnd <= 1;
        }

        /** Why it does not hold, in words (empty when it holds). */
        public String reason() {
            if (!run.reached()) {
                return run.reason();
            }
            return holds() ? "" : "eta lambda_max = " + Math.max(etaLambdaMaxStart, etaLambdaMaxEnd) + " > 1";
        }
    }

    private DescentConverges() {
    }

    /** The sharpness of the balanced global minimum, {@code N ||w*||^(2-2/N) lambda_max(Sxx)}. */
    public static double balancedMinimumSharpness(Problem p) {
        LeastSquares ls = p.optimum();
        return p.depth() * Math.pow(ls.wNorm(), 2 - 2.0 / p.depth()) * ls.sxxMax();
    }

    /** The step {@code STEP_SAFETY / max(lambda_max(H(theta_0)), balancedMinimumSharpness)}. */
    public static double step(Problem p) {
        double start = DenseSpectrum.ofHessian(p.objective(), p.theta0()).max();
        return STEP_SAFETY / Math.max(start, balancedMinimumSharpness(p));
    }

    /** GD on {@code p} with the step {@link #step}. */
    public static Outcome evaluate(Problem p, double eps) {
        return evaluate(p, step(p), eps);
    }

    /** GD on {@code p} with step {@code eta} and the budget {@link Budget#steps}. */
    public static Outcome evaluate(Problem p, double eta, double eps) {
        Convergence.Run run = Convergence.descent(p, eta, eps, Budget.steps(p, eps, eta));
        double start = DenseSpectrum.ofHessian(p.objective(), p.theta0()).max();
        double end = DenseSpectrum.ofHessian(p.objective(), run.end()).max();
        return new Outcome(run, eta, eta * start, eta * end);
    }
}

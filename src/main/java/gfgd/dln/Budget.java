package gfgd.dln;

import gfgd.numeric.Checks;
import gfgd.objective.LeastSquares;

/**
 * How long gradient flow may take to reach {@code f - f* <= eps (f(theta_0) - f*)} from a near-zero
 * start of scale {@code alpha}: a multiple of the escape time from the origin plus the time of the final,
 * linear phase (math brief, section 4):
 * <pre>
 *   escape(alpha) = max(ln(1/alpha), 1) / ||b||                  N = 2
 *                 = alpha^-(N-2) / ((N-2) ||b||)                 N >= 3   (blow-up time of a' = ||b|| a^(N-1))
 *   settle        = ln(1/eps) / (||w*||^(2-2/N) lambda_min+(Sxx))          (rate of the balanced minimum)
 *   T(alpha)      = FACTOR (escape + settle),     K(alpha) = ceil(T / eta) GD steps,
 * </pre>
 * with {@code b = -y X'/m} and {@code w*} the least-squares predictor. The budget therefore grows like
 * {@code alpha^-(N-2)} for {@code N >= 3} and like {@code log(1/alpha)} for {@code N = 2}, as the claims say.
 */
public final class Budget {

    /**
     * The budget is this multiple of the heuristic time. Observed hitting times on the brief's data are
     * 0.4-1.1 times the escape term (brief 4: {@code K alpha eta ||b||} in [0.53, 1.07] for N = 3); random
     * widths and unlucky draws (a near-zero entry in a width-1 layer) slow the escape by a further small
     * factor, so 4 leaves room without letting the budget lose its scaling.
     */
    public static final double FACTOR = 4;

    private Budget() {
    }

    /** The escape time from the origin at scale {@code alpha} (see the class comment). */
    public static double escapeTime(int depth, double alpha, double bNorm) {
        Checks.positive("alpha", alpha);
        if (!(bNorm > 0)) {
            throw new IllegalArgumentException("||b|| = ||y X'||/m must be positive (else the origin is a minimum), got "
                    + bNorm);
        }
        if (depth < 2) {
            throw new IllegalArgumentException("depth must be >= 2, got " + depth);
        }
        return depth == 2 ? Math.max(Math.log(1 / alpha), 1) / bNorm
                : Math.pow(alpha, -(depth - 2)) / ((depth - 2) * bNorm);
    }

    /** The time of the final, linear phase to relative gap {@code eps} near the balanced minimum. */
    public static double settleTime(int depth, LeastSquares optimum, double eps) {
        double rate = Math.pow(optimum.wNorm(), 2 - 2.0 / depth) * optimum.sxxMinPositive();
        return Math.log(1 / eps) / rate;
    }

    /** The time budget {@code FACTOR (escape + settle)} of gradient flow on {@code p}. */
    public static double time(Problem p, double eps) {
        LeastSquares ls = p.optimum();
        return FACTOR * (escapeTime(p.depth(), p.alpha(), ls.bNorm()) + settleTime(p.depth(), ls, eps));
    }

    /** The step budget {@code ceil(time / eta)} of gradient descent with step {@code eta} on {@code p}. */
    public static long steps(Problem p, double eps, double eta) {
        Checks.positive("eta", eta);
        return (long) Math.ceil(time(p, eps) / eta);
    }
}

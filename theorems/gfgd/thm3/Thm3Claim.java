package gfgd.thm3;

import gfgd.claims.Claim;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.dln.Budget;
import gfgd.dln.BriefSweep;

/** Claim {@code thm3}: gradient descent on deep scalar-output linear nets converges from near zero (see the package documentation). */
public final class Thm3Claim implements Claim {

    @Override
    public String id() {
        return "thm3";
    }

    @Override
    public String title() {
        return "GD on deep scalar-output linear nets reaches a global minimum from random near-zero initialisation";
    }

    @Override
    public String reference() {
        return "Theorem 3 (GD over deep linear nets with scalar output, by translating the gradient-flow analysis)";
    }

    @Override
    public String statement() {
        return "On the math brief's explicit data (d_0 = 3, m = 5) with depths N = 2, 3, 4 (widths [3,3,1], "
                + "[3,3,2,1], [3,3,4,2,1]) and starts alpha G (G standard Gaussian, fixed per seed; 4 seeds quick, 8 "
                + "thorough; alpha down to 1e-4, 1e-3, 1e-2), gradient descent with step eta = " + Thm3Check.ETA
                + " (eta lambda_max(H) <= 1 at the start and at the end, computed by a dense eigen-decomposition) "
                + "reaches f - f* <= " + BriefSweep.EPS + " (f(theta_0) - f*), f* the least-squares optimum over linear "
                + "predictors, within the budget " + Budget.FACTOR + " (escape + settle) / eta steps with escape = "
                + "alpha^-(N-2)/((N-2)||b||) (N >= 3) or ln(1/alpha)/||b|| (N = 2): no run fails; the first such "
                + "iteration K grows like alpha^-(N-2) (pooled log-log exponent within " + BriefSweep.EXPONENT_TOLERANCE
                + " of 1 for N = 3 and of 2 for N = 4) and, for N = 2, by " + Thm3Check.N2_INCREMENT_MIN + " to "
                + Thm3Check.N2_INCREMENT_MAX + " steps per decade of 1/alpha.";
    }

    @Override
    public String negativeControlDescription() {
        return "Two false variants must each fail: \"GD converges from every near-zero initialisation\" (the measure-zero "
                + "starts: two zero layers, the sign-balanced scalar start) and \"GD converges with any step\" (eta = "
                + Thm3Check.LARGE_STEP_FACTOR + "/lambda_max at the limit, 1.5 times the stability edge).";
    }

    @Override
    public Verdict check(Settings settings) {
        return Thm3Check.run(settings);
    }

    @Override
    public Verdict negativeControl(Settings settings) {
        return Thm3Check.control(settings);
    }
}

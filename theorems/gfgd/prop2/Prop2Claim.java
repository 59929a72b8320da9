package gfgd.prop2;

import gfgd.claims.Claim;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.dln.Budget;
import gfgd.dln.BriefSweep;

/** Claim {@code prop2}: gradient flow on deep scalar-output linear nets converges from near zero (see the package documentation). */
public final class Prop2Claim implements Claim {

    @Override
    public String id() {
        return "prop2";
    }

    @Override
    public String title() {
        return "GF on deep scalar-output linear nets reaches a global minimum from random near-zero initialisation";
    }

    @Override
    public String reference() {
        return "Proposition 2 (gradient flow over deep linear nets with scalar output; the analysis Theorem 3 translates to GD)";
    }

    @Override
    public String statement() {
        return "On the math brief's explicit data (d_0 = 3, m = 5) with depths N = 2, 3, 4 (widths [3,3,1], "
                + "[3,3,2,1], [3,3,4,2,1]) and starts alpha G (G standard Gaussian, fixed per seed; 4 seeds quick, 8 "
                + "thorough; alpha down to 1e-4, 1e-3, 1e-2), gradient flow (DOP853, tolerance "
                + FlowConverges.SOLVER_TOLERANCE + ") reaches f - f* <= " + BriefSweep.EPS + " (f(theta_0) - f*), f* the "
                + "least-squares optimum over linear predictors, within the budget " + Budget.FACTOR + " (escape + "
                + "settle) with escape = alpha^-(N-2)/((N-2)||b||) (N >= 3) or ln(1/alpha)/||b|| (N = 2): no run fails; "
                + "the hitting time T grows like alpha^-(N-2) (pooled log-log exponent within "
                + BriefSweep.EXPONENT_TOLERANCE + " of 1 for N = 3 and of 2 for N = 4) and, for N = 2, by "
                + Prop2Check.N2_INCREMENT_MIN + " to " + Prop2Check.N2_INCREMENT_MAX + " time units per decade of 1/alpha.";
    }

    @Override
    public String negativeControlDescription() {
        return "\"GF converges from every near-zero initialisation\" (without \"almost surely\"), tried on the measure-zero "
                + "starts (two zero layers; the sign-balanced scalar start), must fail.";
    }

    @Override
    public Verdict check(Settings settings) {
        return Prop2Check.run(settings);
    }

    @Override
    public Verdict negativeControl(Settings settings) {
        return Prop2Check.control(settings);
    }
}

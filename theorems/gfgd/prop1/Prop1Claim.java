package gfgd.prop1;

import gfgd.claims.Claim;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;

/** Claim {@code prop1}: an exponentially small step size is necessary in general (see the package documentation). */
public final class Prop1Claim implements Claim {

    @Override
    public String id() {
        return "prop1";
    }

    @Override
    public String title() {
        return "An exponentially small step can be necessary";
    }

    @Override
    public String reference() {
        return "Proposition 1 (for every m > 0 some objective needs eta in O(e^{-mt}) for GD to stay near GF up to t)";
    }

    @Override
    public String statement() {
        return "Family A, f = -(m/2) x^2, x_0 = 1, eps = " + Prop1Check.EPS_A + ": the largest eta* = t/k (k an "
                + "integer) with |x(t) - x_k| <= eps, computed exactly in apfloat (closed form e^{mt}(1 - "
                + "exp(-k phi(mt/k))), phi(u) = u - ln(1+u) by its series, confirmed by (1 + eta m)^k by squaring "
                + "over a BigInteger k), satisfies |ln eta* + mt + ln(m^2 t/(2 eps))| <= "
                + ExponentialNecessity.RESIDUAL_TOLERANCE + " and the slope of ln eta* + ln(m^2 t/(2 eps)) against mt "
                + "is -1 within " + ExponentialNecessity.SLOPE_TOLERANCE + ", for mt from 1 to at least "
                + (int) ExponentialNecessity.MIN_MAX_MT + ". Family B, f = -(m/2)(||p|| - 1)^2 - c p_1/||p||, c = "
                + (int) Prop1Check.C + ", started on the unit circle at phi_0 = pi/2 (the flow stays on the circle), "
                + "eps = " + Prop1Check.EPS_B + ": with GD iterated step by step, ln eta* + mt stays in a band of width <= "
                + (int) ExponentialNecessity.BAND_MAX + " over a sweep spanning >= " + (int) ExponentialNecessity.MIN_MT_SPAN
                + " units of mt, and GD at about 4 eta* ends >= " + (int) ExponentialNecessity.ESCAPE_MIN
                + " eps from the flow. Sweeps: Family A mt = 1..40 (quick) or 1..80 (thorough); Family B mt = 1..14 "
                + "(quick) or 1..16 (thorough).";
    }

    @Override
    public String negativeControlDescription() {
        return "The convex counterparts (m replaced by -m: f = +(m/2) x^2, and the attracting circle) under the "
                + "same predicate must fail: their eta* does not shrink like e^{-mt}.";
    }

    @Override
    public Verdict check(Settings settings) {
        return Prop1Check.run(settings, false);
    }

    @Override
    public Verdict negativeControl(Settings settings) {
        return Prop1Check.run(settings, true);
    }
}

package gfgd.prop1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

class FamilyATest {

    /** Relative agreement of the brief's 5-significant-digit relative-error thresholds. */
    private static final double BRIEF_RELATIVE_DIGITS = 5e-5;

    /** Series and logarithm forms of phi at the switch agree to the working precision (~80 digits); 1e-60 relative is far below. */
    private static final double PHI_AGREEMENT = 1e-60;

    private static ExpandingQuadratic a(String m, String t) {
        return ExpandingQuadratic.expanding(m, t, Prop1Check.EPS_A);
    }

    @Test
    void briefsTableOfLeastStepCountsIsReproducedExactly() {
        // exact k* = least integer with e^{mt} - (1 + mt/k)^k <= 0.01, derived here at 83 to 93 digits
        String[][] exact = {
            {"1", "1", "135"}, {"2", "1", "1476"}, {"5", "1", "185507"}, {"10", "1", "110132298"},
            {"20", "1", "9703303908083"}, {"40", "1", "18830821346961598832206"},
            {"1", "10", "110132298"}, {"1", "40", "18830821346961598832206"}, {"4", "10", "18830821346961598832206"},
        };
        for (int i = 0; i < exact.length; i++) {
            ExpandingQuadratic.Threshold th = a(exact[i][0], exact[i][1]).threshold();
            assertEquals(new BigInteger(exact[i][2]), th.kStar(), "m = " + exact[i][0] + ", t = " + exact[i][1]);
            assertTrue(th.confirmed(), "the GD power puts the threshold at the same k");
            assertTrue(Prop1Check.roundsTo(th.kStar(), Prop1Check.BRIEF_A[i][2]),
                    exact[i][2] + " rounds to the brief's " + Prop1Check.BRIEF_A[i][2]);
        }
    }

    @Test
    void theThresholdIsTheLeastStepCountWithinEpsInBothForms() {
        Apfloat eps = new Apfloat("0.01", 100);
        for (String m : new String[] {"1", "3", "17", "40"}) {
            ExpandingQuadratic q = a(m, "1");
            BigInteger k = q.threshold().kStar();
            BigInteger before = k.subtract(BigInteger.ONE);
            assertTrue(q.gap(k).compareTo(eps) <= 0 && q.gap(before).compareTo(eps) > 0, "closed form, m = " + m);
            assertTrue(q.gapByPower(k).compareTo(eps) <= 0 && q.gapByPower(before).compareTo(eps) > 0, "power, m = " + m);
        }
    }

    @Test
    void closedFormGapEqualsTheGradientDescentPower() {
        ExpandingQuadratic q = a("40", "1");
        for (BigInteger k : new BigInteger[] {BigInteger.ONE, BigInteger.valueOf(7), BigInteger.valueOf(4000),
                BigInteger.TEN.pow(15), new BigInteger("18830821346961598832206"), BigInteger.TEN.pow(30)}) {
            double closed = q.gap(k).doubleValue();
            double power = q.gapByPower(k).doubleValue();
            assertEquals(power, closed, Math.abs(power) * 1e-14, "k = " + k);
        }
        // at k = 1, E = e^40 - 41; at k = 1e30, E ~ e^40 40^2 / (2e30), about 1.9e-10
        assertEquals(Math.exp(40) - 41, q.gap(BigInteger.ONE).doubleValue(), Math.exp(40) * 1e-15);
        assertEquals(Math.exp(40) * 800 / 1e30, q.gap(BigInteger.TEN.pow(30)).doubleValue(), 1e-3 * Math.exp(40) * 800 / 1e30);
    }

    @Test
    void phiSeriesAndLogarithmAgreeAtTheSwitch() {
        ExpandingQuadratic q = a("40", "1");
        Apfloat below = new Apfloat("0.0999999", q.digits());
        Apfloat series = q.phi(below);
        Apfloat direct = below.subtract(org.apfloat.ApfloatMath.log(below.add(Apfloat.ONE)));
        assertTrue(series.subtract(direct).doubleValue() / direct.doubleValue() < PHI_AGREEMENT, series + " vs " + direct);
        Apfloat tiny = new Apfloat("1e-20", q.digits());
        // phi(u) = u^2/2 - u^3/3 + ...: 5e-41 - 3.3e-61
        assertEquals(5e-41, q.phi(tiny).doubleValue(), 1e-55);
        assertEquals(2e-20, q.oneMinusExpNeg(new Apfloat("2e-20", q.digits())).doubleValue(), 1e-35);
    }

    @Test
    void relativeThresholdIsPolynomialInMt() {
        // the brief: relative gap <= 0.01 needs only eta ~ 2 eps_r / (m^2 t)
        double[][] cases = {{10, 1, 2.0125e-4}, {40, 1, 1.2567e-5}, {1, 40, 5.027e-4}};
        for (double[] c : cases) {
            ExpandingQuadratic q = a(Integer.toString((int) c[0]), Integer.toString((int) c[1]));
            double eta = c[1] / q.relativeThreshold("0.01").doubleValue();
            assertEquals(c[2], eta, c[2] * BRIEF_RELATIVE_DIGITS * 10, "m = " + c[0] + ", t = " + c[1]);
            assertEquals(2 * 0.01 / (c[0] * c[0] * c[1]), eta, 0.01 * eta, "2 eps_r / (m^2 t)");
        }
    }

    @Test
    void convexCounterpartNeedsOnlyAStableStep() {
        // f = +(m/2) x^2, m t = 40: |1 - 40/k|^k <= 0.01 first at k = 23 (k = 22 gives 0.0121)
        ExpandingQuadratic q = ExpandingQuadratic.convex("40", "1", Prop1Check.EPS_A);
        assertEquals(BigInteger.valueOf(23), q.threshold().kStar());
    }

    @Test
    void badInputsAreNamed() {
        assertEquals("m must be > 0, got 0", assertThrows(IllegalArgumentException.class,
                () -> ExpandingQuadratic.expanding("0", "1", "0.01")).getMessage());
        assertEquals("t must be > 0, got -2", assertThrows(IllegalArgumentException.class,
                () -> ExpandingQuadratic.expanding("1", "-2", "0.01")).getMessage());
        assertEquals("eps must be > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> ExpandingQuadratic.convex("1", "1", "0.0")).getMessage());
        assertEquals("m must be a decimal number, got 'x'", assertThrows(IllegalArgumentException.class,
                () -> ExpandingQuadratic.expanding("x", "1", "0.01")).getMessage());
        assertEquals("k must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> a("1", "1").gap(BigInteger.ZERO)).getMessage());
    }
}

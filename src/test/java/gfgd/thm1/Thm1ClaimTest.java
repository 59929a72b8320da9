package gfgd.thm1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.Outcome;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision of claim {@code thm1} on the tilted double well (measured once, quick step sizes): it passes
 * with the curvature bound and fails without the exponential factor; the measured numbers are those of the
 * math brief (sections 1a, 1b, 1c; 6 significant digits there).
 */
class Thm1ClaimTest {

    /**
     * A number the brief prints must be the measured value rounded to the printed digits, up to this fraction of
     * the last printed digit beyond the half unit (the brief's reference is DOP853 at rtol 1e-13 plus 30-digit GD).
     */
    private static final double LAST_DIGIT_SLACK = 0.1;

    /** Relative tolerance where the brief's number is itself an estimate. */
    private static final double BRIEF_FEW_DIGITS = 5e-4;

    private static Trajectories.Measurement tilted;

    @BeforeAll
    static void measureTiltedOnce() {
        tilted = Trajectories.measure(Thm1Instance.TILTED, Thm1Check.etas(Thm1Instance.TILTED, Settings.quick()),
                Thm1Check.DIGITS, null);
    }

    private static Verdict decide(boolean control) {
        Verdict.Builder v = Verdict.builder(Settings.quick());
        Thm1Check.decide(v, List.of(tilted), control);
        return v.build();
    }

    @Test
    void checkPassesOnTheTiltedDoubleWellAndTheControlWithoutTheExponentialFails() {
        Verdict pass = decide(false);
        assertEquals(Outcome.PASS, pass.outcome(), pass.reason());
        Verdict fail = decide(true);
        assertEquals(Outcome.FAIL, fail.outcome());
        assertTrue(fail.reason().contains("convex-case") || fail.reason().contains("(t/2) max"), fail.reason());
        assertTrue(fail.figures().get("maxLeadingRatio") > 1.5, "the convex-case bound is exceeded by half");
    }

    @Test
    void leadingOrderReproducesTheBrief() {
        int k = index(2);
        // e(2) = (-0.177419, -0.048903), ||e(2)|| = 0.184035
        assertPrinted("0.184035", tilted.errorNorm()[k]);
        // ||err||/eta at t = 2 for eta = 0.02, 0.01, 0.005, 0.0025
        String[] brief = {"0.181309", "0.182664", "0.183348", "0.183691"};
        for (int i = 0; i < brief.length; i++) {
            Trajectories.Run r = tilted.runs().get(i);
            int j = (int) Math.round(2 / Double.parseDouble(r.eta()));
            assertPrinted(brief[i], r.err()[j] / Double.parseDouble(r.eta()));
        }
        assertEquals(1, tilted.errorOrder(), Thm1Check.ORDER_TOLERANCE);
    }

    @Test
    void curvatureBoundReproducesTheBriefTable() {
        CurvatureBound c = tilted.curvature();
        assertPrinted("0.186420", c.bound()[index(2)]);
        assertPrinted("0.43602", c.bound()[index(4)]);
        assertPrinted("0.32367", c.boundMin()[index(4)]);
        assertPrinted("0.55732", c.bound()[index(8)]);
        assertPrinted("0.028792", c.boundMin()[index(8)]);
        assertPrinted("0.210305", tilted.errorNorm()[index(4)]);
        assertClose(0.005370, tilted.errorNorm()[index(8)], BRIEF_FEW_DIGITS);
        assertPrinted("-1.6542", c.negativeIntegral()[index(2)]);
        assertPrinted("-2.1006", c.negativeIntegral()[index(8)]);
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= index(2); k++) {
            min = Math.min(min, c.lambdaMin()[k]);
        }
        assertClose(-0.8758, min, BRIEF_FEW_DIGITS);
    }

    @Test
    void discreteBoundHoldsAtEveryStepAndIsCloseToTheBriefs() {
        Trajectories.Run r = tilted.runs().get(1);
        assertEquals("0.01", r.eta());
        assertClose(1.8266e-3, r.err()[200], BRIEF_FEW_DIGITS);
        // the Weyl widening is negligible here: E equals the brief's values with the supremum sampled
        assertPrinted("1.8515e-3", r.discrete()[200]);
        assertPrinted("2.948e-4", r.discrete()[800]);
        assertPrinted("5.397e-5", r.err()[800]);
        for (int k = 1; k < r.err().length; k++) {
            assertTrue(r.err()[k] <= r.discrete()[k] * (1 + Thm1Check.DISCRETE_TOLERANCE), "k = " + k);
        }
        // E_1 = delta_0 = err_1: the bound is attained at the first step
        assertClose(r.err()[1], r.discrete()[1], 1e-12);
    }

    @Test
    void theConvexCaseBoundFailsInsideTheNegativeCurvatureWindowNotAtTEqualsFour() {
        CurvatureBound c = tilted.curvature();
        // the brief's "blog form" column at t = 4 (3.22) is the value of (t/2) e^{-int lambda_-} max ||H grad f||
        double blog = Math.exp(-c.negativeIntegral()[index(4)]) * c.convex()[index(4)];
        assertClose(3.22, blog, 5e-3);
        assertTrue(tilted.errorNorm()[index(3)] > c.convex()[index(3)], "violated at t = 3");
        assertFalse(tilted.errorNorm()[index(4)] > c.convex()[index(4)], "holds again at t = 4");
    }

    private static int index(double t) {
        return (int) Math.round(t / tilted.fineEta());
    }

    /** {@code actual} rounds to the decimal {@code printed} (within {@link #LAST_DIGIT_SLACK} of a last digit). */
    private static void assertPrinted(String printed, double actual) {
        java.math.BigDecimal p = new java.math.BigDecimal(printed);
        double unit = Math.pow(10, -p.scale());
        double expected = p.doubleValue();
        assertTrue(Math.abs(actual - expected) <= (0.5 + LAST_DIGIT_SLACK) * unit,
                () -> "the brief prints " + printed + ", measured " + actual);
    }

    private static void assertClose(double expected, double actual, double relative) {
        assertTrue(Math.abs(actual - expected) <= relative * Math.abs(expected),
                () -> "expected " + expected + ", got " + actual + " (relative tolerance " + relative + ")");
    }
}

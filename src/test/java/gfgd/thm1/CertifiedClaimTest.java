package gfgd.thm1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.Outcome;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.curvature.CertifiedComparison;
import gfgd.numeric.IntervalArithmetic;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CertifiedClaimTest {

    private static final IntervalArithmetic A = IntervalArithmetic.digits(20);

    @Test
    void theConvexCaseBoundIsRefutedWithTheStepAndBothEnclosures() {
        Verdict v = new CertifiedClaim().negativeControl(Settings.quick());
        assertEquals(Outcome.FAIL, v.outcome());
        assertTrue(v.figures().get("refutedSteps") > 0);
        assertTrue(v.reason().contains("first refuted at step"), v.reason());
        assertTrue(v.figures().get("firstRefutedErrLo") > v.figures().get("firstRefutedBoundHi"),
                "a refutation: the lower end of err lies above the upper end of the bound");
    }

    @Test
    void theDiscreteBoundIsCertifiedAtEveryStepOfAShortRun() {
        BigDecimal eta = new BigDecimal("0.02");
        CertifiedRun.Outcome o = CertifiedRun.run(CertifiedInstance.TILTED, 40, eta, 25);
        CertifiedComparison.Result r = o.discrete();
        assertEquals(26, r.certified());
        assertEquals(0, r.undecided() + r.refuted());
        assertTrue(r.minMargin() > 0);
        assertTrue(r.maxWidth() < 1e-30, "width " + r.maxWidth());
        assertNotNull(r.thetaT());
        assertEquals(26, o.curvature()[0], "E_j <= eta B (1 + c eta) certified at every step");
        assertTrue(o.bT().lo().signum() > 0 && o.bT().width().compareTo(o.bT().lo()) < 0, "B(T) enclosed: " + o.bT());
    }

    @Test
    void decisionsAreThreeWay() {
        assertEquals(CertifiedComparison.Decision.CERTIFIED, CertifiedComparison.decide(A.interval("1", "2"), A.interval("2", "3")));
        assertEquals(CertifiedComparison.Decision.REFUTED, CertifiedComparison.decide(A.interval("3.5", "4"), A.interval("2", "3")));
        assertEquals(CertifiedComparison.Decision.UNDECIDED, CertifiedComparison.decide(A.interval("2.5", "4"), A.interval("2", "3")));
    }
}

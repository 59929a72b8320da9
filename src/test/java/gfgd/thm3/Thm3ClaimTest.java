package gfgd.thm3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimResult;
import gfgd.claims.ClaimRunner;
import gfgd.claims.Outcome;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.dln.BriefSweep;
import gfgd.dln.NearZeroStart;
import gfgd.dln.Problem;
import gfgd.objective.Datasets;
import org.junit.jupiter.api.Test;

class Thm3ClaimTest {

    @Test
    void thm3PassesWithTheBriefsExponentsAndBothControlsFail() {
        ClaimResult r = ClaimRunner.run(new Thm3Claim(), Settings.quick());
        assertEquals(Outcome.PASS, r.outcome(), r.reason());
        assertEquals(0.0, r.check().figures().get("failures"));
        assertTrue(r.check().figures().get("maxEtaLambdaMax") <= 1);
        double n2 = r.check().figures().get("n2Increment");
        assertTrue(n2 >= Thm3Check.N2_INCREMENT_MIN && n2 <= Thm3Check.N2_INCREMENT_MAX, "" + n2);
        assertEquals(Outcome.FAIL, r.control().outcome());
        assertFalse(r.control().error(), r.control().reason());
    }

    @Test
    void theMeasureZeroStartsDoNotConverge() {
        Verdict v = Thm3Check.measureZeroControl(Settings.quick());
        assertEquals(Outcome.FAIL, v.outcome());
        assertEquals(v.figures().get("runs"), v.figures().get("failures"), v.reason());
    }

    @Test
    void aStepOneAndAHalfTimesTheStabilityEdgeDoesNotConverge() {
        Verdict v = Thm3Check.largeStepControl(Settings.quick());
        assertEquals(Outcome.FAIL, v.outcome());
        assertEquals(v.figures().get("runs"), v.figures().get("failures"), v.reason());
    }

    @Test
    void theStepRuleSatisfiesEtaLambdaMaxAtMostOneAtBothEnds() {
        Problem p = Problem.of(Datasets.briefExample(), BriefSweep.widths(4),
                new NearZeroStart(NearZeroStart.Distribution.UNIFORM, 0.1, 5));
        DescentConverges.Outcome o = DescentConverges.evaluate(p, BriefSweep.EPS);
        assertTrue(o.holds(), o.reason());
        assertTrue(o.etaLambdaMaxEnd() > 0.25, "the end is the sharpest point: " + o.etaLambdaMaxEnd());
        assertTrue(o.etaLambdaMaxStart() < o.etaLambdaMaxEnd());
    }
}

package gfgd.prop2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimResult;
import gfgd.claims.ClaimRunner;
import gfgd.claims.Outcome;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.dln.BriefSweep;
import gfgd.dln.DegenerateStarts;
import gfgd.dln.NearZeroStart;
import gfgd.dln.Problem;
import gfgd.objective.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Prop2ClaimTest {

    @Test
    void prop2PassesWithTheBriefsExponentsAndItsControlFails() {
        ClaimResult r = ClaimRunner.run(new Prop2Claim(), Settings.quick());
        assertEquals(Outcome.PASS, r.outcome(), r.reason());
        assertEquals(0.0, r.check().figures().get("failures"));
        assertEquals(1.0, r.check().figures().get("iterationExponent_N3"), BriefSweep.EXPONENT_TOLERANCE);
        assertEquals(2.0, r.check().figures().get("iterationExponent_N4"), BriefSweep.EXPONENT_TOLERANCE);
        assertEquals(List.of("hitting-vs-alpha", "hitting-distribution"),
                r.check().plots().stream().map(p -> p.name()).toList());
        assertEquals(Outcome.FAIL, r.control().outcome());
        assertFalse(r.control().error(), r.control().reason());
        assertEquals(r.control().figures().get("runs"), r.control().figures().get("failures"),
                "no measure-zero start converges");
    }

    @Test
    void theMeasureZeroControlIsDeterministic() {
        Verdict a = Prop2Check.control(Settings.quick());
        Verdict b = Prop2Check.control(Settings.quick());
        assertEquals(a.figures(), b.figures());
        assertTrue(a.reason().startsWith("5 of 5 flows did not converge"), a.reason());
    }

    @Test
    void aNoisyNeighbourOfTheTwoZeroLayersStartConverges() {
        // Brief 4: adding 1e-3 noise to the measure-zero start escapes. The control fails for the start, not the data.
        Problem noisy = Problem.of(Datasets.briefExample(), BriefSweep.widths(3),
                new NearZeroStart(NearZeroStart.Distribution.GAUSSIAN, 0.1, 11));
        assertTrue(FlowConverges.holds(noisy, BriefSweep.EPS));
        assertFalse(FlowConverges.holds(DegenerateStarts.twoZeroLayers(Datasets.briefExample(), BriefSweep.widths(3),
                0.1, 11), BriefSweep.EPS));
    }
}

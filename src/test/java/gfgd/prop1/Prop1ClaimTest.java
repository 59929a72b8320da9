package gfgd.prop1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimResult;
import gfgd.claims.ClaimRunner;
import gfgd.claims.Outcome;
import gfgd.claims.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Prop1ClaimTest {

    @Test
    void claimPassesAndItsConvexControlFailsTheSamePredicate() {
        ClaimResult r = ClaimRunner.run(new Prop1Claim(), Settings.quick());
        assertEquals(Outcome.PASS, r.outcome(), r.reason());
        assertEquals(Outcome.FAIL, r.control().outcome());
        Map<String, Double> f = r.check().figures();
        assertTrue(f.get("maxMt") >= ExponentialNecessity.MIN_MAX_MT);
        assertEquals(-1, f.get("slope"), ExponentialNecessity.SLOPE_TOLERANCE);
        assertTrue(f.get("maxResidual") <= ExponentialNecessity.RESIDUAL_TOLERANCE);
        assertEquals(0.0, f.get("thresholdsNotConfirmedByPower"));
        assertEquals(0.0, f.get("briefTableAMismatches"));
        assertTrue(f.get("briefTableBMaxRelDiff") <= Prop1Check.BRIEF_B_RELATIVE);
        assertTrue(f.get("minLog10EtaStarA") < -20, "eta* below 1e-20, where 1 + eta m == 1 in double");
        assertTrue(f.get("bandWidth") <= ExponentialNecessity.BAND_MAX);
        assertTrue(f.get("escapeAt4x") >= ExponentialNecessity.ESCAPE_MIN);
        // the control fails both families' predicates, not just one
        Map<String, Double> c = r.control().figures();
        assertTrue(Math.abs(c.get("slope") + 1) > ExponentialNecessity.SLOPE_TOLERANCE, "convex A slope " + c.get("slope"));
        assertTrue(c.get("maxResidual") > ExponentialNecessity.RESIDUAL_TOLERANCE);
        assertTrue(c.get("bandWidth") > ExponentialNecessity.BAND_MAX, "convex B band " + c.get("bandWidth"));
        assertEquals(List.of("log-eta-star", "escape"), r.check().plots().stream().map(p -> p.name()).toList());
    }

    @Test
    void predicatesDecideExactExponentialAndPolynomialThresholds() {
        double[] mt = new double[41];
        double[] exact = new double[41];
        double[] prefactor = new double[41];
        double[] poly = new double[41];
        double[] escape = new double[41];
        for (int i = 0; i < mt.length; i++) {
            mt[i] = i + 1;
            prefactor[i] = Math.log(mt[i] * mt[i] / 0.02);
            exact[i] = -mt[i] - prefactor[i];
            poly[i] = Math.log(2 / mt[i]);
            escape[i] = 4;
        }
        assertTrue(ExponentialNecessity.ClosedForm.of(mt, exact, prefactor).holds());
        assertFalse(ExponentialNecessity.ClosedForm.of(mt, poly, prefactor).holds());
        assertTrue(ExponentialNecessity.Bounded.of(mt, exact, escape).mtSpan() == 40);
        double[] band = mt.clone();
        for (int i = 0; i < band.length; i++) {
            band[i] = -mt[i] + Math.log(mt[i]) / 2;
        }
        assertTrue(ExponentialNecessity.Bounded.of(mt, band, escape).holds(), "ln(40)/2 = 1.8 <= 3");
        assertFalse(ExponentialNecessity.Bounded.of(mt, poly, escape).holds());
        escape[3] = 1.5;
        assertFalse(ExponentialNecessity.Bounded.of(mt, band, escape).holds(), "no escape at 4 eta*");
        assertEquals(-2.5, ExponentialNecessity.fittedSlope(new double[] {0, 1, 2}, new double[] {1, -1.5, -4}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ExponentialNecessity.fittedSlope(new double[] {1, 1},
                new double[] {0, 1}));
    }

    @Test
    void sweepsAreDeterministicAndWidenUnderThoroughSettings() {
        assertEquals(45, Prop1Check.familyAInstances(Settings.quick()).size());
        assertEquals(88, Prop1Check.familyAInstances(Settings.thorough()).size());
        assertEquals(14, Prop1Check.familyBInstances(Settings.quick()).size());
        assertEquals(21, Prop1Check.familyBInstances(Settings.thorough()).size());
        assertEquals(Prop1Check.familyB(Settings.quick(), true), Prop1Check.familyB(Settings.quick().withSeed(7), true));
    }
}

package gfgd.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void verdictPassesWhenEveryRequirementHolds() {
        Verdict v = Verdict.builder(Settings.quick()).requireAtMost("error", 1e-9, 1e-6).figure("steps", 10).build();
        assertEquals(Outcome.PASS, v.outcome());
        assertEquals("", v.reason());
        assertEquals(List.of("error", "steps"), List.copyOf(v.figures().keySet()));
        assertEquals(Settings.DEFAULT_SEED, v.seed());
    }

    @Test
    void verdictFailsWithTheFirstViolationAsOneLineReason() {
        Verdict v = Verdict.builder(Settings.quick().withSeed(7))
                .requireAtMost("error", 2.0, 1.0)
                .require(false, "second\nproblem")
                .build();
        assertEquals(Outcome.FAIL, v.outcome());
        assertEquals("error = 2.0 exceeds 1.0 (and 1 more violations)", v.reason());
        assertEquals(7, v.seed());
    }

    @Test
    void nonFiniteFigureIsRejectedByName() {
        var b = Verdict.builder(Settings.quick());
        var e = assertThrows(IllegalArgumentException.class, () -> b.figure("deviation", Double.NaN));
        assertEquals("figure 'deviation' must be finite, got NaN", e.getMessage());
    }

    @Test
    void figureRecordedTwiceIsRejected() {
        var b = Verdict.builder(Settings.quick()).figure("x", 1);
        var e = assertThrows(IllegalArgumentException.class, () -> b.figure("x", 2));
        assertEquals("figure 'x' recorded twice", e.getMessage());
    }

    @Test
    void failWithoutReasonIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Verdict(Outcome.FAIL, Map.of(), List.of(), Settings.quick(), 0, " ", false));
        assertEquals("a FAIL verdict needs a reason", e.getMessage());
    }

    @Test
    void thrownExceptionBecomesAFailingErrorVerdict() {
        Verdict v = Verdict.error(Settings.quick(), 0.5, new IllegalStateException("boom"));
        assertEquals(Outcome.FAIL, v.outcome());
        assertTrue(v.error());
        assertEquals("threw IllegalStateException: boom", v.reason());
        assertEquals("threw NullPointerException", Verdict.error(Settings.quick(), 0, new NullPointerException()).reason());
    }

    @Test
    void seriesCopiesItsArraysAndChecksLengths() {
        double[] x = {1, 2};
        Series s = new Series("s", x, new double[] {3, 4});
        x[0] = 99;
        assertEquals(1.0, s.x()[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> new Series("s", new double[2], new double[3]));
        assertEquals("series 's' y has length 3, expected 2", e.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> new Series("s", new double[] {0}, new double[] {Double.POSITIVE_INFINITY}));
        assertEquals("series 's' y[0] must be finite, got Infinity", nan.getMessage());
    }

    @Test
    void plotRejectsBadNamesAndNonPositiveValuesOnALogAxis() {
        Series s = new Series("s", new double[] {1, 2}, new double[] {1, 0});
        var name = assertThrows(IllegalArgumentException.class, () -> Plot.linear("Bad Name", "t", "x", "y", List.of(s)));
        assertEquals("plot name must be lower-case letters, digits and '-', got 'Bad Name'", name.getMessage());
        var log = assertThrows(IllegalArgumentException.class, () -> Plot.logY("p", "t", "x", "y", List.of(s)));
        assertEquals("plot 'p' is logarithmic but series 's' has y = 0.0", log.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> Plot.linear("p", "t", "x", "y", List.of()));
        assertEquals("plot 'p' has no series", empty.getMessage());
    }

    @Test
    void settingsLevelParsesItsLabelsAndNamesABadOne() {
        assertEquals(Settings.Level.THOROUGH, Settings.Level.parse("Thorough"));
        assertEquals("quick", Settings.Level.QUICK.label());
        var e = assertThrows(IllegalArgumentException.class, () -> Settings.Level.parse("fast"));
        assertEquals("settings must be 'quick' or 'thorough', got 'fast'", e.getMessage());
        assertFalse(Settings.quick().isThorough());
        assertEquals(3, Settings.thorough().choose(1, 3));
    }

    @Test
    void claimIsVerifiedOnlyWhenItsNegativeControlFails() {
        assertEquals(Outcome.PASS, ClaimRunner.run(FakeClaims.passing(), Settings.quick()).outcome());
        ClaimResult blind = ClaimRunner.run(FakeClaims.blindControl(), Settings.quick());
        assertEquals(Outcome.PASS, blind.check().outcome());
        assertEquals(Outcome.FAIL, blind.outcome());
        assertTrue(blind.reason().startsWith("negative control passed"), blind.reason());
        ClaimResult thrown = ClaimRunner.run(FakeClaims.throwing(), Settings.quick());
        assertEquals(Outcome.FAIL, thrown.outcome());
        assertEquals("threw IllegalStateException: fixture failure in fake-throw", thrown.reason());
    }
}

package gfgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.cli.FlowCommandTest.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gfgd flow} refuses, before any solver work, a run that cannot finish within its budget of
 * steps (the issue's {@code --t 1e308}, in double and in apfloat), enforces the budget during the run,
 * and limits {@code --digits} (the issue's {@code --digits 100000}).
 */
class FlowBudgetTest {

    @TempDir
    Path dir;

    private Path instance() throws IOException {
        return FlowCommandTest.deepLinearInstance(dir, FlowCommandTest.initCsv());
    }

    @Test
    void anEndlessDoubleRunIsRefusedBeforeItStartsNamingTAndTheBudget() throws IOException {
        Run r = FlowCommandTest.run("flow", "--instance", instance().toString(), "--t", "1e308");
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains("t = 1e308 needs about"), r.err());
        assertTrue(r.err().contains("dop853 steps"), r.err());
        assertTrue(r.err().contains("budget of " + FlowCommand.DEFAULT_DOP853_STEPS + " steps"), r.err());
        assertTrue(r.err().contains("raise it with --max-steps N"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void anEndlessApfloatRunIsRefusedBeforeItStartsNamingTAndTheBudget() throws IOException {
        Run r = FlowCommandTest.run("flow", "--instance", instance().toString(), "--t", "1e308", "--digits", "30");
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains("t = 1e308 needs about"), r.err());
        assertTrue(r.err().contains("taylor steps"), r.err());
        assertTrue(r.err().contains("budget of " + FlowCommand.DEFAULT_TAYLOR_STEPS + " steps"), r.err());
    }

    @Test
    void theBudgetIsRaisedOrLoweredByMaxSteps() throws IOException {
        Path inst = instance();
        // t = 1e5 needs ~55,500 DOP853 steps on this net (0.555 per unit time at the minimum)
        Run refused = FlowCommandTest.run("flow", "--instance", inst.toString(), "--t", "1e5", "--max-steps", "1000");
        assertEquals(Main.EXIT_USAGE, refused.code(), refused.err());
        assertTrue(refused.err().contains("budget of 1000 steps"), refused.err());
        Run bad = FlowCommandTest.run("flow", "--instance", inst.toString(), "--t", "1", "--max-steps", "0");
        assertEquals(Main.EXIT_USAGE, bad.code());
        assertTrue(bad.err().contains("--max-steps must be >= 1, got 0"), bad.err());
    }

    @Test
    void aRunThatOutgrowsItsEstimateStopsAtTheBudgetWithAClearError() throws IOException {
        // t = 100: estimated 16 steps from the curvature at theta(0), while the flow takes 100
        Run r = FlowCommandTest.run("flow", "--instance", instance().toString(), "--t", "100", "--max-steps", "40");
        assertEquals(Main.EXIT_FAIL, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("t = 100 not reached within the budget of 40 DOP853 steps"), r.err());
        assertTrue(r.err().contains("--max-steps"), r.err());
    }

    @Test
    void runsWithinTheBudgetAreUnchanged() throws IOException {
        Run r = FlowCommandTest.run("flow", "--instance", instance().toString(), "--t", "100");
        assertEquals(0, r.code(), r.err());
        assertEquals("100", FlowCommandTest.field(r.out(), "steps"));
    }

    @Test
    void digitsAboveTheLimitAreRefusedWithTheValue() throws IOException {
        Run r = FlowCommandTest.run("flow", "--instance", instance().toString(), "--t", "1", "--digits", "100000");
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--digits must be <= " + FlowCommand.MAX_DIGITS + ", got 100000"), r.err());
    }

    @Test
    void theEstimateIsRoundedUpAndAnUndecidableEstimateIsRefused() {
        assertEquals(6, FlowCommand.requireWithinBudget("dop853", "1", 5.2, 6));
        assertEquals(36 / Math.E, FlowCommand.taylorStepTimesRho(36), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlowCommand.requireWithinBudget("dop853", "7", Double.NaN, 6));
        assertTrue(e.getMessage().startsWith("t = 7 needs about NaN dop853 steps"), e.getMessage());
    }
}

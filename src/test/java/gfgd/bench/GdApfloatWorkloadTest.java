package gfgd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GdApfloatWorkloadTest {

    /** L(theta0) of the deep linear workload to 30 digits, as pinned in WORKLOADS.md. */
    private static final String PINNED_INITIAL_LOSS = "4.28423102782339561205503684576";

    /**
     * The 30-digit run carries 40 working digits; 1000 steps of rounding at 10^-40 may cost a few of
     * them, so it must agree with the 50-digit run on at least the 30 digits it reports.
     */
    private static final int MIN_AGREEING_DIGITS = 30;

    @Test
    void workloadReportsThePinnedInitialLossAndAgreesWithTheFiftyDigitRun() {
        Map<String, Object> out = new GdApfloatWorkload(0, 0, 1).run(new PrintStream(OutputStream.nullOutputStream()));
        assertEquals("gd-apfloat", out.get("workload"));
        assertEquals(1000L, out.get("steps"));
        assertEquals("COMPLETED", out.get("status"));
        assertEquals(PINNED_INITIAL_LOSS, out.get("lossInit"));
        assertTrue((Integer) out.get("agreeingDigits") >= MIN_AGREEING_DIGITS, () -> "agreeing digits " + out);
        assertEquals(35, ((List<?>) out.get("state")).size());
        assertTrue(Double.parseDouble((String) out.get("lossFinal")) < 0.01, () -> "final loss " + out);
        assertTrue(Workloads.byName("gd-apfloat").isPresent());
    }
}

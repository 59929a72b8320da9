package gfgd;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimRegistry;
import gfgd.claims.FakeClaims;
import gfgd.claims.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** What ClaimsIT does with passing, failing and blind claims, and with a bad selection. */
class ClaimsITTest {

    private static final ClaimRegistry REGISTRY = ClaimRegistry.of(List.of(
            FakeClaims.passing(), FakeClaims.failing(), FakeClaims.blindControl()));

    @TempDir
    Path dir;

    private DynamicTest only(String id) {
        List<DynamicTest> tests = ClaimsIT.dynamicTests(REGISTRY, id, Settings.quick(), dir).toList();
        assertEquals(1, tests.size());
        assertEquals(id, tests.get(0).getDisplayName());
        return tests.get(0);
    }

    @Test
    void oneTestPerSelectedClaimNamedByItsId() {
        assertEquals(List.of("fake-pass", "fake-fail", "fake-blind"),
                ClaimsIT.dynamicTests(REGISTRY, "", Settings.quick(), dir).map(DynamicTest::getDisplayName).toList());
    }

    @Test
    void passingClaimPassesAndWritesItsEvidence() {
        assertDoesNotThrow(() -> only("fake-pass").getExecutable().execute());
        assertTrue(Files.isRegularFile(dir.resolve("fake-pass.json")));
    }

    @Test
    void failingClaimFailsTheTestWithTheClaimsReason() {
        var e = assertThrows(AssertionFailedError.class, () -> only("fake-fail").getExecutable().execute());
        assertTrue(e.getMessage().startsWith("fake-fail (Mean of uniforms is 1/2 | fake-fail) FAILED: mean deviation = "),
                e.getMessage());
        assertTrue(e.getMessage().contains("reproduce: mvn verify -Dclaims=fake-fail"), e.getMessage());
        assertTrue(Files.isRegularFile(dir.resolve("fake-fail.json")), "evidence is written for failures too");
    }

    @Test
    void claimWhoseNegativeControlPassesFailsTheTest() {
        var e = assertThrows(AssertionFailedError.class, () -> only("fake-blind").getExecutable().execute());
        assertTrue(e.getMessage().contains("FAILED: negative control passed"), e.getMessage());
    }

    @Test
    void claimsRunConcurrentlyReportInRegistrationOrderWithTheSameOutcomes() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<DynamicTest> tests = ClaimsIT.dynamicTests(REGISTRY, "", Settings.quick(), dir, pool).toList();
            assertEquals(List.of("fake-pass", "fake-fail", "fake-blind"),
                    tests.stream().map(DynamicTest::getDisplayName).toList());
            assertDoesNotThrow(() -> tests.get(0).getExecutable().execute());
            var e = assertThrows(AssertionFailedError.class, () -> tests.get(1).getExecutable().execute());
            assertTrue(e.getMessage().startsWith("fake-fail (Mean of uniforms is 1/2 | fake-fail) FAILED: "), e.getMessage());
            var blind = assertThrows(AssertionFailedError.class, () -> tests.get(2).getExecutable().execute());
            assertTrue(blind.getMessage().contains("FAILED: negative control passed"), blind.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownClaimInTheSelectionListsTheKnownIds() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ClaimsIT.dynamicTests(REGISTRY, "fake-pass,thm7", Settings.quick(), dir));
        assertEquals("unknown claim 'thm7'; known claims: fake-pass, fake-fail, fake-blind", e.getMessage());
    }
}

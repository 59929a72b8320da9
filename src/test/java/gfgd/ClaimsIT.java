package gfgd;

import static org.junit.jupiter.api.Assertions.fail;

import gfgd.claims.Claim;
import gfgd.claims.ClaimRegistry;
import gfgd.claims.ClaimResult;
import gfgd.claims.ClaimRunner;
import gfgd.claims.Outcome;
import gfgd.claims.Settings;
import gfgd.report.EvidenceWriter;
import gfgd.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every registered claim (or those of {@code -Dclaims=thm1,prop1}) as its own test named by the
 * claim id, under the settings of {@code -Dgfgd.settings} (quick, or thorough with {@code -Pthorough})
 * and the seed of {@code -Dgfgd.seed}. Each test asserts that the check passes and that the negative
 * control fails, and writes the claim's evidence into {@code -Dgfgd.claimsDir} ({@code target/claims});
 * the report is regenerated there at the end.
 */
class ClaimsIT {

    @TestFactory
    Stream<DynamicTest> everySelectedClaimPassesAndItsNegativeControlFails() {
        return dynamicTests(ClaimRegistry.loaded(), System.getProperty("claims", ""), settings(), claimsDir());
    }

    @AfterAll
    static void reportIsRegeneratedFromTheEvidence() throws IOException {
        Path dir = claimsDir();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.noneMatch(f -> f.toString().endsWith(".json"))) {
                    return;
                }
            }
            ReportWriter.write(dir);
        }
    }

    /**
     * One test per selected claim, named by its id.
     *
     * @throws IllegalArgumentException if {@code selection} names an unknown claim (listing the known ids)
     */
    static Stream<DynamicTest> dynamicTests(ClaimRegistry registry, String selection, Settings settings, Path dir) {
        List<Claim> claims = registry.select(selection);
        return claims.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> verify(c, settings, dir)));
    }

    /** Checks {@code claim}, writes its evidence, and fails with the claim's reason unless it is verified. */
    static void verify(Claim claim, Settings settings, Path dir) throws IOException {
        ClaimResult r = ClaimRunner.run(claim, settings);
        Path json = EvidenceWriter.write(r, dir);
        if (r.outcome() != Outcome.PASS) {
            fail(claim.id() + " (" + claim.title() + ") FAILED: " + r.reason() + " [evidence: " + json
                    + "; reproduce: mvn verify -Dclaims=" + claim.id() + "]");
        }
    }

    static Settings settings() {
        Settings.Level level = Settings.Level.parse(System.getProperty("gfgd.settings", "quick"));
        String seed = System.getProperty("gfgd.seed", "");
        long s = Settings.DEFAULT_SEED;
        if (!seed.isBlank()) {
            try {
                s = Long.parseLong(seed.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gfgd.seed must be an integer, got '" + seed + "'", e);
            }
        }
        return new Settings(level, s);
    }

    static Path claimsDir() {
        return Path.of(System.getProperty("gfgd.claimsDir", "target/claims"));
    }
}

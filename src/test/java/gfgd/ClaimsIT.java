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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
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
 *
 * <p>The claims run {@code -Dgfgd.claimThreads} at a time (default: the number of processors), each
 * on one thread, so that {@code mvn verify} uses every core; a claim's figures do not depend on it
 * (every claim is deterministic whatever the thread count). The tests report in registration order.
 */
class ClaimsIT {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(claimThreads(), r -> {
        Thread t = new Thread(r, "claims");
        t.setDaemon(true);
        return t;
    });

    @TestFactory
    Stream<DynamicTest> everySelectedClaimPassesAndItsNegativeControlFails() {
        return dynamicTests(ClaimRegistry.loaded(), System.getProperty("claims", ""), settings(), claimsDir(), POOL);
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
        return claims.stream().map(c -> DynamicTest.dynamicTest(c.id(),
                () -> verify(c, () -> ClaimRunner.run(c, settings), dir)));
    }

    /**
     * As {@link #dynamicTests(ClaimRegistry, String, Settings, Path)}, but every selected claim is
     * submitted to {@code pool} at once; each test waits for its own claim.
     */
    static Stream<DynamicTest> dynamicTests(ClaimRegistry registry, String selection, Settings settings, Path dir,
            ExecutorService pool) {
        List<Claim> claims = registry.select(selection);
        List<CompletableFuture<ClaimResult>> runs = claims.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> ClaimRunner.run(c, settings), pool)).toList();
        return IntStream.range(0, claims.size()).mapToObj(i -> DynamicTest.dynamicTest(
                claims.get(i).id(), () -> verify(claims.get(i), () -> join(runs.get(i)), dir)));
    }

    private static ClaimResult join(CompletableFuture<ClaimResult> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a claim", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("claim run threw", e.getCause());
        }
    }

    /** Writes the evidence of the claim run by {@code run}, and fails with the claim's reason unless it is verified. */
    static void verify(Claim claim, Supplier<ClaimResult> run, Path dir) throws IOException {
        ClaimResult r = run.get();
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

    /** {@code -Dgfgd.claimThreads}, default the number of processors. */
    static int claimThreads() {
        String v = System.getProperty("gfgd.claimThreads", "").trim();
        if (v.isEmpty()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gfgd.claimThreads must be a positive integer, got '" + v + "'", e);
        }
    }

    static Path claimsDir() {
        return Path.of(System.getProperty("gfgd.claimsDir", "target/claims"));
    }
}

package gfgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimRegistry;
import gfgd.claims.FakeClaims;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    private static final ClaimRegistry REGISTRY = ClaimRegistry.of(List.of(
            FakeClaims.passing(), FakeClaims.passingWithoutPlots(), FakeClaims.failing()));

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one command line. */
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine(REGISTRY);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listShowsEveryClaimWithItsReference() {
        Run r = run("list");
        assertEquals(0, r.code());
        assertEquals(3, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("fake-pass Mean of uniforms is 1/2 | fake-pass  [test fixture]"), r.out());
    }

    @Test
    void checkOfPassingClaimsExitsZeroAndWritesEvidenceAndReport() {
        Run r = run("check", "fake-pass", "fake-noplot", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("PASS fake-pass  "), lines.get(0));
        assertTrue(lines.get(1).startsWith("PASS fake-noplot  "), lines.get(1));
        for (String f : List.of("fake-pass.json", "fake-noplot.json", "report.md", "index.html")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
    }

    @Test
    void checkExitsOneWhenAClaimFailsAndPrintsItsReason() {
        Run r = run("check", "fake-pass", "fake-fail", "--out", dir.toString());
        assertEquals(1, r.code());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("PASS fake-pass"), r.out());
        assertTrue(lines.get(1).startsWith("FAIL fake-fail  Mean of uniforms is 1/2 | fake-fail: mean deviation = "), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("fake-fail.json")));
    }

    @Test
    void checkAllRunsEveryClaimInRegistrationOrder() {
        Run r = run("check", "all", "--out", dir.toString());
        assertEquals(1, r.code(), "fake-fail fails");
        assertEquals(List.of("PASS fake-pass", "PASS fake-noplot", "FAIL fake-fail"),
                r.out().lines().map(l -> l.substring(0, l.indexOf("  "))).toList());
    }

    @Test
    void checkOfAnUnknownIdExitsTwoNamingItAndTheKnownIds() {
        Run r = run("check", "thm9", "--out", dir.toString());
        assertEquals(2, r.code());
        assertEquals("gfgd: unknown claim 'thm9'; known claims: fake-pass, fake-noplot, fake-fail",
                r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("check").code(), "an id is required");
        Run seed = run("check", "fake-pass", "--seed", "abc");
        assertEquals(2, seed.code());
        assertTrue(seed.err().contains("'abc'"), seed.err());
    }

    @Test
    void checkUsesTheSeedAndSettingsGiven() throws Exception {
        Run r = run("check", "fake-pass", "--thorough", "--seed", "11", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String json = Files.readString(dir.resolve("fake-pass.json"));
        assertTrue(json.contains("\"seed\" : 11,"), json);
        assertTrue(json.contains("\"settings\" : \"thorough\","), json);
        assertTrue(json.contains("\"reproduce\" : \"mvn verify -Dclaims=fake-pass -Pthorough -Dgfgd.seed=11\""), json);
    }

    @Test
    void reportRegeneratesFromTheEvidenceAndFailsCleanlyWithoutIt() throws Exception {
        Run empty = run("report", "--out", dir.toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().startsWith("gfgd: no evidence (*.json) in "), empty.err());
        assertEquals(0, run("check", "fake-noplot", "--out", dir.toString()).code());
        Files.delete(dir.resolve("report.md"));
        Run r = run("report", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("fake-noplot"));
    }
}

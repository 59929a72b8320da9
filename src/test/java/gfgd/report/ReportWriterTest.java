package gfgd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimRunner;
import gfgd.claims.FakeClaims;
import gfgd.claims.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final Map<String, String> VERSIONS = Map.of("java", "17", "git", "unknown");

    /** PNG files start with these eight bytes. */
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void claimWithPlotsGetsEmbeddedImagesAndCsvForEverySeries() throws IOException {
        EvidenceWriter.write(ClaimRunner.run(FakeClaims.passing(), Settings.quick()), dir, VERSIONS);
        List<Path> written = ReportWriter.write(dir);
        assertEquals(List.of(dir.resolve("report.md"), dir.resolve("index.html")), written);

        byte[] png = Files.readAllBytes(dir.resolve("fake-pass/running-mean.png"));
        byte[] head = java.util.Arrays.copyOf(png, PNG_SIGNATURE.length);
        assertTrue(java.util.Arrays.equals(PNG_SIGNATURE, head), "a PNG file");
        List<String> csv = Files.readAllLines(dir.resolve("fake-pass/running-mean--mean-seeded.csv"));
        assertEquals("n,mean", csv.get(0));
        assertEquals(21, csv.size(), "header and one line per plotted point");

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| [fake-pass](#fake-pass) | Mean of uniforms is 1/2 \\| fake-pass | **PASS** | FAIL (detected) |"), md);
        assertTrue(md.contains("![running-mean](fake-pass/running-mean.png)"), md);
        assertTrue(md.contains("[running-mean--mean-seeded.csv](fake-pass/running-mean--mean-seeded.csv)"), md);
        assertTrue(md.contains("**Statement checked.** |mean of n seeded U[0,1) draws - 1/2| <= 0.05"), md);
        assertTrue(md.contains("**Negative control.** the draws shifted by 0.3 Outcome: FAIL (detected): mean deviation"), md);
        assertTrue(md.contains("`mvn verify -Dclaims=fake-pass`"), md);
        int control = md.indexOf("**Negative control.**");
        assertTrue(md.indexOf("![running-mean](fake-pass/running-mean.png)") < control, "check plots before the control");
        assertTrue(md.indexOf("![control-running-mean](fake-pass/control-running-mean.png)") > control,
                "the control's plots in its section");

        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("src=\"data:image/png;base64,"), "plots embedded");
        assertFalse(html.contains("src=\"fake-pass/"), "no image loaded from a file");
        assertTrue(html.contains("Mean of uniforms is 1/2 | fake-pass"));
        assertTrue(html.endsWith("</html>\n"));
    }

    @Test
    void claimWithoutPlotsHasNoPlotSectionButItsFiguresAndControl() throws IOException {
        EvidenceWriter.write(ClaimRunner.run(FakeClaims.passingWithoutPlots(), Settings.quick()), dir, VERSIONS);
        ReportWriter.write(dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertFalse(md.contains("**Plots.**"), md);
        assertFalse(md.contains("Data (CSV)"), md);
        assertTrue(md.contains("| mean deviation |"), md);
        assertTrue(md.contains("Outcome: FAIL (detected)"), md);
        String html = Files.readString(dir.resolve("index.html"));
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("<h3>Negative control</h3>"), html);
    }

    @Test
    void failingAndBlindClaimsShowTheirReasons() throws IOException {
        EvidenceWriter.write(ClaimRunner.run(FakeClaims.failing(), Settings.quick()), dir, VERSIONS);
        EvidenceWriter.write(ClaimRunner.run(FakeClaims.blindControl(), Settings.quick()), dir, VERSIONS);
        ReportWriter.write(dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("**Why it failed:** mean deviation = "), md);
        assertTrue(md.contains("**Why it failed:** negative control passed"), md);
        assertTrue(md.contains("PASS (NOT detected)"), md);
    }

    @Test
    void reportOfAnEmptyDirectorySaysWhatToRun() {
        var e = assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(dir));
        assertEquals("no evidence (*.json) in " + dir + "; run 'gfgd check ID' or 'mvn verify' first", e.getMessage());
    }

    @Test
    void rerunReplacesTheClaimsOldPlots() throws IOException {
        Path stale = dir.resolve("fake-pass/old-plot.png");
        Files.createDirectories(stale.getParent());
        Files.write(stale, PNG_SIGNATURE);
        EvidenceWriter.write(ClaimRunner.run(FakeClaims.passing(), Settings.quick()), dir, VERSIONS);
        assertFalse(Files.exists(stale));
    }
}

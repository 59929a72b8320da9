package gfgd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfgd.claims.ClaimResult;
import gfgd.claims.ClaimRunner;
import gfgd.claims.Evidence;
import gfgd.claims.FakeClaims;
import gfgd.claims.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceJsonTest {

    /** Fixed versions so the tests do not depend on git. */
    private static final Map<String, String> VERSIONS = Map.of("java", "17", "git", "unknown");

    @TempDir
    Path dir;

    @Test
    void jsonHasExactlyTheContractKeysInOrderWithTheirTypes() throws IOException {
        Path file = EvidenceWriter.write(ClaimRunner.run(FakeClaims.passing(), Settings.quick()), dir, VERSIONS);
        assertEquals("fake-pass.json", file.getFileName().toString());
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(Evidence.KEYS, keys);
        assertEquals(List.of("id", "title", "outcome", "statement", "figures", "negativeControl", "seed", "settings",
                "wallSeconds", "reproduce", "versions"), keys);
        for (String k : List.of("id", "title", "outcome", "statement", "settings", "reproduce")) {
            assertTrue(root.get(k).isTextual(), k);
        }
        assertEquals("PASS", root.get("outcome").asText());
        assertEquals("quick", root.get("settings").asText());
        assertTrue(root.get("seed").isIntegralNumber());
        assertTrue(root.get("wallSeconds").isNumber());
        assertEquals("mvn verify -Dclaims=fake-pass", root.get("reproduce").asText());
        assertTrue(root.get("figures").get("n").isIntegralNumber(), "integral figures are written as integers");
        assertEquals(2000, root.get("figures").get("n").asInt());
        root.get("figures").fields().forEachRemaining(f -> assertTrue(f.getValue().isNumber(), f.getKey()));
        JsonNode control = root.get("negativeControl");
        List<String> controlKeys = new ArrayList<>();
        control.fieldNames().forEachRemaining(controlKeys::add);
        assertEquals(List.of("outcome", "figures"), controlKeys);
        assertEquals("FAIL", control.get("outcome").asText());
        control.get("figures").fields().forEachRemaining(f -> assertTrue(f.getValue().isNumber(), f.getKey()));
        root.get("versions").fields().forEachRemaining(f -> assertTrue(f.getValue().isTextual(), f.getKey()));
    }

    @Test
    void evidenceSurvivesAWriteReadRoundTrip() {
        Evidence e = Evidence.of(ClaimRunner.run(FakeClaims.failing(), Settings.thorough().withSeed(5)), VERSIONS);
        Evidence back = EvidenceJson.read(EvidenceJson.write(e), "x.json");
        assertEquals(e, back);
        assertEquals("mvn verify -Dclaims=fake-fail -Pthorough -Dgfgd.seed=5", back.reproduce());
    }

    @Test
    void sameCheckTwiceGivesByteIdenticalJsonApartFromWallSecondsWhateverTheThreadCount() throws Exception {
        String sequential = EvidenceJson.withoutWallSeconds(EvidenceJson.write(
                Evidence.of(ClaimRunner.run(FakeClaims.passing(), Settings.quick()), VERSIONS)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> parallel = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                parallel.add(pool.submit(() -> EvidenceJson.withoutWallSeconds(EvidenceJson.write(
                        Evidence.of(ClaimRunner.run(FakeClaims.passing(), Settings.quick()), VERSIONS)))));
            }
            for (Future<String> f : parallel) {
                assertEquals(sequential, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void malformedEvidenceIsRejectedNamingTheKeyAndFile() {
        String json = EvidenceJson.write(Evidence.of(ClaimRunner.run(FakeClaims.passing(), Settings.quick()), VERSIONS));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> EvidenceJson.read(json.replace("\"seed\"", "\"sead\""), "fake-pass.json"));
        assertEquals("fake-pass.json: missing keys [seed], unexpected keys [sead]", missing.getMessage());
        var type = assertThrows(IllegalArgumentException.class,
                () -> EvidenceJson.read(json.replace("\"outcome\" : \"PASS\"", "\"outcome\" : \"MAYBE\""), "f.json"));
        assertEquals("f.json: outcome must be PASS or FAIL, got 'MAYBE'", type.getMessage());
        var noWall = assertThrows(IllegalArgumentException.class, () -> EvidenceJson.withoutWallSeconds("{}"));
        assertEquals("no wallSeconds value in the evidence JSON", noWall.getMessage());
        var notJson = assertThrows(IllegalArgumentException.class, () -> EvidenceJson.read("{", "g.json"));
        assertTrue(notJson.getMessage().startsWith("g.json is not JSON"), notJson.getMessage());
    }

    @Test
    void failingClaimIsWrittenAsFailWithItsReasonBesideTheJson() throws IOException {
        ClaimResult r = ClaimRunner.run(FakeClaims.failing(), Settings.quick());
        EvidenceWriter.write(r, dir, VERSIONS);
        JsonNode root = new ObjectMapper().readTree(Files.readString(dir.resolve("fake-fail.json")));
        assertEquals("FAIL", root.get("outcome").asText());
        String verdict = Files.readString(dir.resolve("fake-fail").resolve(EvidenceWriter.VERDICT_FILE));
        assertTrue(verdict.contains("reason: " + FakeClaims.FAILING_REASON_PREFIX), verdict);
    }
}

package gfgd.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClaimRegistryTest {

    /** Claim packages live here: theorems/gfgd/<package>/. */
    private static final Path THEOREMS = Path.of("theorems", "gfgd");

    private final ClaimRegistry registry = ClaimRegistry.of(List.of(FakeClaims.passing(), FakeClaims.failing()));

    @Test
    void everyPackageUnderTheoremsIsRegistered() throws IOException {
        Set<String> registered = ClaimRegistry.loaded().all().stream()
                .map(c -> c.getClass().getPackageName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> packages = new TreeSet<>();
        if (Files.isDirectory(THEOREMS)) {
            try (Stream<Path> dirs = Files.list(THEOREMS)) {
                dirs.filter(Files::isDirectory).forEach(d -> packages.add("gfgd." + d.getFileName()));
            }
        }
        assertEquals(packages, registered,
                "each package under theorems/gfgd/ must be registered in META-INF/services/gfgd.claims.Claim and vice versa");
    }

    @Test
    void everyRegisteredClaimLivesInThePackageNamedByItsIdWithAPackageInfo() {
        for (Claim c : ClaimRegistry.loaded().all()) {
            // a variant "<id>-<suffix>" of a claim may live in that claim's package (thm1-certified in gfgd.thm1)
            String pkg = c.getClass().getPackageName().equals("gfgd." + c.id().split("-")[0])
                    ? c.id().split("-")[0] : c.id().replace('-', '_');
            assertEquals("gfgd." + pkg, c.getClass().getPackageName(), c.id());
            assertTrue(Files.isRegularFile(THEOREMS.resolve(pkg).resolve("package-info.java")),
                    "theorems/gfgd/" + pkg + "/package-info.java quotes the claim");
            assertTrue(Files.isRegularFile(THEOREMS.resolve(pkg).resolve(c.getClass().getSimpleName() + ".java")),
                    c.getClass().getName() + " is under theorems/");
        }
    }

    @Test
    void selectionKeepsTheGivenOrderAndBlankMeansAll() {
        assertEquals(List.of("fake-fail", "fake-pass"),
                registry.select("fake-fail, fake-pass,fake-fail").stream().map(Claim::id).toList());
        assertEquals(List.of("fake-pass", "fake-fail"), registry.select("").stream().map(Claim::id).toList());
        assertEquals(registry.ids(), registry.select((String) null).stream().map(Claim::id).toList());
    }

    @Test
    void unknownIdIsNamedWithTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> registry.select("fake-pass,thm9"));
        assertEquals("unknown claim 'thm9'; known claims: fake-pass, fake-fail", e.getMessage());
    }

    @Test
    void duplicateAndMalformedIdsAreRejected() {
        var dup = assertThrows(IllegalArgumentException.class,
                () -> ClaimRegistry.of(List.of(FakeClaims.passing(), FakeClaims.passing())));
        assertEquals("claim id 'fake-pass' registered twice", dup.getMessage());
        var bad = assertThrows(IllegalArgumentException.class,
                () -> ClaimRegistry.of(List.of(new FakeClaims.MeanClaim("Thm 1", 1, 0, false, false))));
        assertTrue(bad.getMessage().startsWith("claim id must match"), bad.getMessage());
        assertTrue(bad.getMessage().contains("got 'Thm 1'"), bad.getMessage());
    }
}

package gfgd.conjectures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's section "Adding a property test for a new conjecture" shows compiled code: every
 * {@code <!-- compiled: PATH -->} marker is followed by a java block that must equal the region between
 * {@code // README: begin} and {@code // README: end} of the file PATH (indentation removed), and its
 * commands name classes and claims that exist. So the walkthrough cannot drift from the code.
 */
class ReadmeExampleTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern COMPILED = Pattern.compile("<!-- compiled: (\\S+) -->\\R```java\\R(.*?)\\R```",
            Pattern.DOTALL);

    @Test
    void everyCompiledExampleInTheReadmeEqualsItsSource() throws IOException {
        Matcher m = COMPILED.matcher(Files.readString(README));
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            Path source = Path.of(m.group(1));
            assertTrue(Files.isRegularFile(source), "README names " + source + ", which does not exist");
            assertEquals(region(source), m.group(2), "README's copy of " + source + " differs from the source");
            checked.add(m.group(1));
        }
        assertEquals(List.of("property-tests/gfgd/thm3/DescentConvergesProperties.java",
                "property-tests/gfgd/conjectures/GradientPowerBoundProperties.java"), checked);
    }

    @Test
    void theReadmesCommandsNameExistingTestClassesAndClaims() throws IOException {
        String readme = Files.readString(README);
        // every comma-separated class of -Dtest=..., with '#method' dropped; wildcards and <placeholders> skipped
        Matcher tests = Pattern.compile("-Dtest='?([^'\\s]+)'?").matcher(readme);
        int found = 0;
        while (tests.find()) {
            for (String entry : tests.group(1).split(",")) {
                String cls = entry.replaceFirst("#.*", "");
                if (cls.contains("*") || cls.contains("<")) {
                    continue;
                }
                String name = cls.substring(cls.lastIndexOf('.') + 1);
                try (Stream<Path> files = Stream.of("property-tests", "src/test/java").map(Path::of)
                        .flatMap(ReadmeExampleTest::walk)) {
                    assertTrue(files.anyMatch(p -> p.getFileName().toString().equals(name + ".java")),
                            "README runs -Dtest=" + entry + ", and " + name + " is not a test class");
                }
                found++;
            }
        }
        assertTrue(found >= 2, "the walkthrough shows how to run a property class alone");
        Matcher claims = Pattern.compile("-Dclaims=([a-z0-9,-]+)").matcher(readme);
        List<String> ids = ClaimRegistry.loaded().ids();
        while (claims.find()) {
            for (String id : claims.group(1).split(",")) {
                if (!id.equals("ID") && !id.contains("<")) {
                    assertTrue(ids.contains(id), "README checks claim '" + id + "', which is not registered: " + ids);
                }
            }
        }
    }

    /** The lines between the README markers of {@code source}, with their common indentation removed. */
    static String region(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int begin = indexOf(lines, "// README: begin", source);
        int end = indexOf(lines, "// README: end", source);
        List<String> body = lines.subList(begin + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }

    private static int indexOf(List<String> lines, String marker, Path source) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(source + " has no line '" + marker + "'");
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root).toList().stream();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + root + ": " + Arrays.toString(e.getStackTrace()), e);
        }
    }
}

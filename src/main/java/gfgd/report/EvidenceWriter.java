package gfgd.report;

import gfgd.claims.ClaimResult;
import gfgd.claims.Evidence;
import gfgd.claims.Plot;
import gfgd.claims.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the evidence of a checked claim into a claims directory (normally {@code target/claims/}):
 * <ul>
 *   <li>{@code <id>.json}: the {@link Evidence} (see {@link EvidenceJson});</li>
 *   <li>{@code <id>/<plot>.png}: each plot of the check ({@code control-<plot>.png} for the negative control's);</li>
 *   <li>{@code <id>/<plot>--<series>.csv}: each plotted series, header {@code xLabel,yLabel};</li>
 *   <li>{@code <id>/verdict.txt}: the one-line reasons ({@code reason:} and {@code negativeControl:}).</li>
 * </ul>
 * The files of an earlier run of the same claim under {@code <id>/} are replaced.
 */
public final class EvidenceWriter {

    /** The name of the per-claim file holding the one-line reasons. */
    public static final String VERDICT_FILE = "verdict.txt";

    /** File-name prefix of the negative control's plots and CSV files. */
    public static final String CONTROL_PREFIX = "control-";

    private EvidenceWriter() {
    }

    /** Writes the evidence of {@code result} with the current {@link Versions}; returns the JSON file. */
    public static Path write(ClaimResult result, Path dir) throws IOException {
        return write(result, dir, Versions.current());
    }

    /** Writes the evidence of {@code result} with the given versions; returns the JSON file. */
    public static Path write(ClaimResult result, Path dir, Map<String, String> versions) throws IOException {
        String id = result.claim().id();
        Files.createDirectories(dir);
        Path sub = dir.resolve(id);
        clear(sub);
        Files.createDirectories(sub);
        for (Plot p : result.check().plots()) {
            writePlot(p, "", sub);
        }
        for (Plot p : result.control().plots()) {
            writePlot(p, CONTROL_PREFIX, sub);
        }
        String verdict = "outcome: " + result.outcome() + "\n"
                + "reason: " + result.reason() + "\n"
                + "negativeControl: " + result.control().outcome()
                + (result.control().reason().isEmpty() ? "" : ": " + result.control().reason()) + "\n"
                + "negativeControlDescription: " + oneLine(result.claim().negativeControlDescription()) + "\n"
                + "reference: " + oneLine(result.claim().reference()) + "\n";
        Files.writeString(sub.resolve(VERDICT_FILE), verdict, StandardCharsets.UTF_8);
        Path json = dir.resolve(id + ".json");
        Files.writeString(json, EvidenceJson.write(Evidence.of(result, versions)), StandardCharsets.UTF_8);
        return json;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static void clear(Path sub) throws IOException {
        if (!Files.isDirectory(sub)) {
            return;
        }
        try (Stream<Path> files = Files.list(sub)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void writePlot(Plot p, String prefix, Path sub) throws IOException {
        String base = prefix + p.name();
        Files.write(sub.resolve(base + ".png"), PlotRenderer.png(p));
        Set<String> used = new HashSet<>();
        for (Series s : p.series()) {
            String slug = slug(s.name());
            String name = slug;
            for (int i = 2; !used.add(name); i++) {
                name = slug + "-" + i;
            }
            Files.writeString(sub.resolve(base + "--" + name + ".csv"), csv(p, s), StandardCharsets.UTF_8);
        }
    }

    /** {@code xLabel,yLabel} then one {@code x,y} line per point, numbers as {@link Double#toString}. */
    static String csv(Plot p, Series s) {
        StringBuilder b = new StringBuilder();
        b.append(csvField(p.xLabel())).append(',').append(csvField(p.yLabel())).append('\n');
        double[] x = s.x();
        double[] y = s.y();
        for (int i = 0; i < x.length; i++) {
            b.append(x[i]).append(',').append(y[i]).append('\n');
        }
        return b.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Lower-case letters, digits and '-' only. */
    static String slug(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return t.isEmpty() ? "series" : t;
    }

    /** The PNG and CSV files of a claim's directory, sorted by name. */
    static List<Path> files(Path sub, String extension) throws IOException {
        if (!Files.isDirectory(sub)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(sub)) {
            return s.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }
}

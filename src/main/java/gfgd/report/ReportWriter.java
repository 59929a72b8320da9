package gfgd.report;

import gfgd.claims.Evidence;
import gfgd.claims.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders {@code report.md} and a self-contained {@code index.html} from the evidence files present
 * in a claims directory ({@code <id>.json}, and under {@code <id>/} the PNG plots, CSV series and
 * {@code verdict.txt}). It reads only those files, so {@code gfgd report} can regenerate the report
 * at any time.
 *
 * <p>Both files hold a table of claims (outcome, negative control, key figures, reproduce command)
 * and, per claim, the statement, the figures, the plots (embedded as base64 PNG in the HTML) with
 * their CSV files, and the negative control's result.
 */
public final class ReportWriter {

    /** How many figures the summary table shows per claim. */
    public static final int KEY_FIGURES = 3;

    /** File-name prefix of the negative control's plots and CSV files. */
    static final String CONTROL_PREFIX = EvidenceWriter.CONTROL_PREFIX;

    private ReportWriter() {
    }

    /** One claim's evidence and its side files. */
    record Entry(Evidence evidence, Map<String, String> verdict, List<Path> pngs, List<Path> csvs) {
        String get(String key) {
            return verdict.getOrDefault(key, "");
        }
    }

    /**
     * Writes {@code report.md} and {@code index.html} into {@code dir}; returns both paths.
     *
     * @throws IllegalArgumentException if {@code dir} holds no evidence, or an evidence file is malformed
     */
    public static List<Path> write(Path dir) throws IOException {
        List<Entry> entries = read(dir);
        Path md = dir.resolve("report.md");
        Path html = dir.resolve("index.html");
        Files.writeString(md, markdown(entries), StandardCharsets.UTF_8);
        Files.writeString(html, html(entries, dir), StandardCharsets.UTF_8);
        return List.of(md, html);
    }

    static List<Entry> read(Path dir) throws IOException {
        List<Path> jsons = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                jsons = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            }
        }
        if (jsons.isEmpty()) {
            throw new IllegalArgumentException("no evidence (*.json) in " + dir
                    + "; run 'gfgd check ID' or 'mvn verify' first");
        }
        List<Entry> entries = new ArrayList<>();
        for (Path j : jsons) {
            Evidence e = EvidenceJson.read(Files.readString(j, StandardCharsets.UTF_8), j.getFileName().toString());
            Path sub = dir.resolve(e.id());
            Map<String, String> verdict = new LinkedHashMap<>();
            Path vf = sub.resolve(EvidenceWriter.VERDICT_FILE);
            if (Files.isRegularFile(vf)) {
                for (String line : Files.readAllLines(vf, StandardCharsets.UTF_8)) {
                    int c = line.indexOf(':');
                    if (c > 0) {
                        verdict.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
                    }
                }
            }
            entries.add(new Entry(e, verdict, EvidenceWriter.files(sub, ".png"), EvidenceWriter.files(sub, ".csv")));
        }
        return entries;
    }

    // ------------------------------------------------------------------ markdown

    static String markdown(List<Entry> entries) {
        StringBuilder b = new StringBuilder();
        b.append("# gfgd: claims checked\n\n");
        b.append("Executable checks of \"Continuous vs. Discrete Optimization of Deep Neural Networks\" ")
                .append("(Elkabetz & Cohen, NeurIPS 2021). A claim PASSes when its check passes and its negative ")
                .append("control (a perturbed, false claim) FAILs.\n\n");
        b.append("| Claim | Title | Outcome | Negative control | Key figures | Reproduce |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Entry en : entries) {
            Evidence e = en.evidence();
            b.append("| [").append(e.id()).append("](#").append(e.id()).append(") | ").append(md(e.title()))
                    .append(" | **").append(e.outcome()).append("** | ").append(controlSummary(e))
                    .append(" | ").append(md(keyFigures(e.figures()))).append(" | `").append(e.reproduce()).append("` |\n");
        }
        for (Entry en : entries) {
            Evidence e = en.evidence();
            b.append("\n<a id=\"").append(e.id()).append("\"></a>\n\n## ").append(e.id()).append(": ")
                    .append(e.title()).append(" -- ").append(e.outcome()).append("\n\n");
            if (!en.get("reference").isEmpty()) {
                b.append("*Paper:* ").append(en.get("reference")).append("\n\n");
            }
            if (!en.get("reason").isEmpty()) {
                b.append("**Why it failed:** ").append(en.get("reason")).append("\n\n");
            }
            b.append("**Statement checked.** ").append(e.statement()).append("\n\n");
            b.append("**Figures.**\n\n");
            figureTable(b, e.figures());
            if (!ofCheck(en.pngs()).isEmpty()) {
                b.append("\n**Plots.**\n\n");
            }
            plotsMarkdown(b, e.id(), ofCheck(en.pngs()), ofCheck(en.csvs()));
            b.append("**Negative control.** ");
            if (!en.get("negativeControlDescription").isEmpty()) {
                b.append(en.get("negativeControlDescription")).append(" ");
            }
            b.append("Outcome: ").append(e.negativeControl().outcome())
                    .append(e.negativeControl().outcome() == Outcome.FAIL ? " (detected)" : " (NOT detected)");
            String cr = en.get("negativeControl");
            int colon = cr.indexOf(':');
            if (colon > 0) {
                b.append(": ").append(cr.substring(colon + 1).strip());
            }
            b.append("\n\n");
            figureTable(b, e.negativeControl().figures());
            b.append('\n');
            plotsMarkdown(b, e.id(), ofControl(en.pngs()), ofControl(en.csvs()));
            b.append("Seed ").append(e.seed()).append(", settings ").append(e.settings().label())
                    .append(", wall time ").append(e.wallSeconds()).append(" s. Versions: ")
                    .append(versions(e)).append(".\n\nReproduce: `").append(e.reproduce()).append("` or `")
                    .append(Evidence.cliCommand(e.id(), e.settings(), e.seed())).append("`\n");
        }
        return b.toString();
    }

    private static void plotsMarkdown(StringBuilder b, String id, List<Path> pngs, List<Path> csvs) {
        for (Path p : pngs) {
            b.append("![").append(stem(p)).append("](").append(id).append('/').append(p.getFileName()).append(")\n\n");
        }
        if (!csvs.isEmpty()) {
            List<String> links = csvs.stream()
                    .map(p -> "[" + p.getFileName() + "](" + id + "/" + p.getFileName() + ")").toList();
            b.append("Data (CSV): ").append(String.join(", ", links)).append("\n\n");
        }
    }

    /** The files of the check (not prefixed {@code control-}). */
    private static List<Path> ofCheck(List<Path> files) {
        return files.stream().filter(p -> !p.getFileName().toString().startsWith(CONTROL_PREFIX)).toList();
    }

    /** The files of the negative control (prefixed {@code control-}). */
    private static List<Path> ofControl(List<Path> files) {
        return files.stream().filter(p -> p.getFileName().toString().startsWith(CONTROL_PREFIX)).toList();
    }

    private static void figureTable(StringBuilder b, Map<String, Double> figures) {
        if (figures.isEmpty()) {
            b.append("(no figures)\n");
            return;
        }
        b.append("| Figure | Value |\n|---|---|\n");
        figures.forEach((k, v) -> b.append("| ").append(md(k)).append(" | ").append(number(v)).append(" |\n"));
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }

    // ------------------------------------------------------------------ html

    static String html(List<Entry> entries, Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>gfgd: claims checked</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;line-height:1.4}\n")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left}\n")
                .append(".PASS{color:#060;font-weight:bold}.FAIL{color:#a00;font-weight:bold}code{background:#f3f3f3}\n")
                .append("img{max-width:100%}\n</style>\n</head>\n<body>\n");
        b.append("<h1>gfgd: claims checked</h1>\n<p>Executable checks of &ldquo;Continuous vs. Discrete Optimization ")
                .append("of Deep Neural Networks&rdquo; (Elkabetz &amp; Cohen, NeurIPS 2021). A claim PASSes when its ")
                .append("check passes and its negative control (a perturbed, false claim) FAILs.</p>\n");
        b.append("<table>\n<tr><th>Claim</th><th>Title</th><th>Outcome</th><th>Negative control</th>")
                .append("<th>Key figures</th><th>Reproduce</th></tr>\n");
        for (Entry en : entries) {
            Evidence e = en.evidence();
            b.append("<tr><td><a href=\"#").append(h(e.id())).append("\">").append(h(e.id())).append("</a></td><td>")
                    .append(h(e.title())).append("</td><td class=\"").append(e.outcome()).append("\">")
                    .append(e.outcome()).append("</td><td>").append(h(controlSummary(e))).append("</td><td>")
                    .append(h(keyFigures(e.figures()))).append("</td><td><code>").append(h(e.reproduce()))
                    .append("</code></td></tr>\n");
        }
        b.append("</table>\n");
        for (Entry en : entries) {
            Evidence e = en.evidence();
            b.append("<h2 id=\"").append(h(e.id())).append("\">").append(h(e.id())).append(": ").append(h(e.title()))
                    .append(" &mdash; <span class=\"").append(e.outcome()).append("\">").append(e.outcome())
                    .append("</span></h2>\n");
            if (!en.get("reference").isEmpty()) {
                b.append("<p><em>Paper:</em> ").append(h(en.get("reference"))).append("</p>\n");
            }
            if (!en.get("reason").isEmpty()) {
                b.append("<p><strong>Why it failed:</strong> ").append(h(en.get("reason"))).append("</p>\n");
            }
            b.append("<p><strong>Statement checked.</strong> ").append(h(e.statement())).append("</p>\n");
            b.append("<h3>Figures</h3>\n");
            figureTableHtml(b, e.figures());
            if (!ofCheck(en.pngs()).isEmpty()) {
                b.append("<h3>Plots</h3>\n");
            }
            plotsHtml(b, e.id(), ofCheck(en.pngs()), ofCheck(en.csvs()));
            b.append("<h3>Negative control</h3>\n<p>");
            if (!en.get("negativeControlDescription").isEmpty()) {
                b.append(h(en.get("negativeControlDescription"))).append(" ");
            }
            Outcome co = e.negativeControl().outcome();
            b.append("Outcome: <span class=\"").append(co == Outcome.FAIL ? "PASS" : "FAIL").append("\">").append(co)
                    .append(co == Outcome.FAIL ? " (detected)" : " (NOT detected)").append("</span>");
            String cr = en.get("negativeControl");
            int colon = cr.indexOf(':');
            if (colon > 0) {
                b.append(": ").append(h(cr.substring(colon + 1).strip()));
            }
            b.append("</p>\n");
            figureTableHtml(b, e.negativeControl().figures());
            plotsHtml(b, e.id(), ofControl(en.pngs()), ofControl(en.csvs()));
            b.append("<p>Seed ").append(e.seed()).append(", settings ").append(e.settings().label())
                    .append(", wall time ").append(e.wallSeconds()).append(" s. Versions: ").append(h(versions(e)))
                    .append(".</p>\n<p>Reproduce: <code>").append(h(e.reproduce())).append("</code> or <code>")
                    .append(h(Evidence.cliCommand(e.id(), e.settings(), e.seed()))).append("</code></p>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void plotsHtml(StringBuilder b, String id, List<Path> pngs, List<Path> csvs) throws IOException {
        for (Path p : pngs) {
            b.append("<figure><img alt=\"").append(h(stem(p))).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Files.readAllBytes(p)))
                    .append("\"><figcaption>").append(h(stem(p))).append("</figcaption></figure>\n");
        }
        if (!csvs.isEmpty()) {
            List<String> links = csvs.stream().map(p -> "<a href=\"" + h(id + "/" + p.getFileName())
                    + "\">" + h(p.getFileName().toString()) + "</a>").toList();
            b.append("<p>Data (CSV): ").append(String.join(", ", links)).append("</p>\n");
        }
    }

    private static void figureTableHtml(StringBuilder b, Map<String, Double> figures) {
        if (figures.isEmpty()) {
            b.append("<p>(no figures)</p>\n");
            return;
        }
        b.append("<table>\n<tr><th>Figure</th><th>Value</th></tr>\n");
        figures.forEach((k, v) -> b.append("<tr><td>").append(h(k)).append("</td><td>").append(number(v)).append("</td></tr>\n"));
        b.append("</table>\n");
    }

    private static String h(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ------------------------------------------------------------------ shared

    private static String controlSummary(Evidence e) {
        return e.negativeControl().outcome() == Outcome.FAIL ? "FAIL (detected)" : "PASS (NOT detected)";
    }

    /** A figure as the JSON writes it: whole numbers without a fraction, others in full. */
    static String number(double v) {
        return EvidenceJson.isInteger(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The first {@link #KEY_FIGURES} figures, three significant digits each. */
    static String keyFigures(Map<String, Double> figures) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> f : figures.entrySet()) {
            if (parts.size() == KEY_FIGURES) {
                break;
            }
            double v = f.getValue();
            parts.add(f.getKey() + " = " + (EvidenceJson.isInteger(v) ? number(v) : String.format(Locale.ROOT, "%.3g", v)));
        }
        return String.join("; ", parts);
    }

    private static String versions(Evidence e) {
        List<String> parts = new ArrayList<>();
        e.versions().forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}

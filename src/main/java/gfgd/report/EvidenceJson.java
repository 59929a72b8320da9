package gfgd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfgd.claims.Evidence;
import gfgd.claims.Outcome;
import gfgd.claims.Settings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence to and from JSON: keys in the fixed order of {@link Evidence#KEYS}, two-space indentation,
 * '\n' line ends; integral numbers below 1e15 as integers ({@code 12}), other numbers as
 * {@link Double#toString} writes them ({@code 4.115057352547227E-49}). The same evidence always gives the
 * same bytes.
 */
public final class EvidenceJson {

    /** Below this magnitude an integral double is written as an integer ({@code 12}, not {@code 12.0}): exact, being below 2^53. */
    private static final double INTEGER_LIMIT = 1e15;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private EvidenceJson() {
    }

    /** The JSON text of {@code e}, ending with a newline. */
    public static String write(Evidence e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", e.id());
        root.put("title", e.title());
        root.put("outcome", e.outcome().name());
        root.put("statement", e.statement());
        root.set("figures", figures(e.figures()));
        ObjectNode control = root.putObject("negativeControl");
        control.put("outcome", e.negativeControl().outcome().name());
        control.set("figures", figures(e.negativeControl().figures()));
        root.put("seed", e.seed());
        root.put("settings", e.settings().label());
        putNumber(root, "wallSeconds", e.wallSeconds());
        root.put("reproduce", e.reproduce());
        ObjectNode versions = root.putObject("versions");
        e.versions().forEach(versions::put);
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write evidence of " + e.id(), ex);
        }
    }

    /**
     * {@code json} as {@link #write} wrote it, with the value of {@code wallSeconds} replaced by {@code _}:
     * the one part of the evidence allowed to differ between two runs of the same check.
     *
     * @throws IllegalArgumentException if there is no {@code wallSeconds} value to blank
     */
    public static String withoutWallSeconds(String json) {
        String blanked = json.replaceAll("\"wallSeconds\" : [0-9.Ee+-]+", "\"wallSeconds\" : _");
        if (blanked.equals(json)) {
            throw new IllegalArgumentException("no wallSeconds value in the evidence JSON");
        }
        return blanked;
    }

    private static ObjectNode figures(Map<String, Double> figures) {
        ObjectNode n = MAPPER.createObjectNode();
        figures.forEach((k, v) -> putNumber(n, k, v));
        return n;
    }

    /** Whether {@code v} is written as an integer: integral and below {@link #INTEGER_LIMIT}. */
    static boolean isInteger(double v) {
        return v == Math.rint(v) && Math.abs(v) < INTEGER_LIMIT;
    }

    /** Integral values as integers, others as {@link Double#toString} writes them. */
    private static void putNumber(ObjectNode n, String key, double v) {
        if (isInteger(v)) {
            n.put(key, (long) v);
        } else {
            n.put(key, v);
        }
    }

    /**
     * Reads evidence written by {@link #write}.
     *
     * @param source names the input in error messages (a file name)
     * @throws IllegalArgumentException if the text is not JSON or a key is missing, extra or of the wrong type
     */
    public static Evidence read(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(source + " is not JSON: " + ex.getOriginalMessage(), ex);
        }
        requireKeys(root, Evidence.KEYS, source);
        JsonNode control = root.get("negativeControl");
        requireKeys(control, Evidence.CONTROL_KEYS, source + " negativeControl");
        Map<String, String> versions = new LinkedHashMap<>();
        JsonNode v = object(root, "versions", source);
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isTextual()) {
                throw new IllegalArgumentException(source + ": versions." + f.getKey() + " must be a string, got " + f.getValue());
            }
            versions.put(f.getKey(), f.getValue().asText());
        }
        JsonNode seed = root.get("seed");
        if (!seed.isIntegralNumber()) {
            throw new IllegalArgumentException(source + ": seed must be an integer, got " + seed);
        }
        return new Evidence(text(root, "id", source), text(root, "title", source), outcome(root, source),
                text(root, "statement", source), figures(root, source),
                new Evidence.Control(outcome(control, source + " negativeControl"), figures(control, source + " negativeControl")),
                seed.asLong(), settings(root, source), number(root, "wallSeconds", source),
                text(root, "reproduce", source), versions);
    }

    private static void requireKeys(JsonNode node, List<String> keys, String source) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(source + " must be a JSON object, got " + node);
        }
        List<String> present = new ArrayList<>();
        node.fieldNames().forEachRemaining(present::add);
        List<String> missing = keys.stream().filter(k -> !present.contains(k)).toList();
        List<String> extra = present.stream().filter(k -> !keys.contains(k)).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException(source + ": missing keys " + missing + ", unexpected keys " + extra);
        }
    }

    private static String text(JsonNode n, String key, String source) {
        JsonNode v = n.get(key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(source + ": " + key + " must be a string, got " + v);
        }
        return v.asText();
    }

    private static double number(JsonNode n, String key, String source) {
        JsonNode v = n.get(key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(source + ": " + key + " must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static JsonNode object(JsonNode n, String key, String source) {
        JsonNode v = n.get(key);
        if (!v.isObject()) {
            throw new IllegalArgumentException(source + ": " + key + " must be an object, got " + v);
        }
        return v;
    }

    private static Outcome outcome(JsonNode n, String source) {
        String s = text(n, "outcome", source);
        try {
            return Outcome.valueOf(s);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(source + ": outcome must be PASS or FAIL, got '" + s + "'", ex);
        }
    }

    private static Settings.Level settings(JsonNode n, String source) {
        try {
            return Settings.Level.parse(text(n, "settings", source));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
        }
    }

    private static Map<String, Double> figures(JsonNode n, String source) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(n, "figures", source).fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isNumber()) {
                throw new IllegalArgumentException(source + ": figure " + f.getKey() + " must be a number, got " + f.getValue());
            }
            m.put(f.getKey(), f.getValue().asDouble());
        }
        return m;
    }
}

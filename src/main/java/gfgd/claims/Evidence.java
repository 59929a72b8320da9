package gfgd.claims;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence of one checked claim: exactly the content of {@code target/claims/<id>.json}, the
 * contract that tools read (see DESIGN.md):
 * <pre>
 * {"id", "title", "outcome": "PASS"|"FAIL", "statement", "figures": {name: number},
 *  "negativeControl": {"outcome", "figures"}, "seed", "settings": "quick"|"thorough",
 *  "wallSeconds", "reproduce": "&lt;command&gt;", "versions": {name: string}}
 * </pre>
 * {@code outcome} is the claim's: PASS when its check passed and its negative control failed.
 *
 * @param id              the claim id
 * @param title           the claim title
 * @param outcome         PASS when the check passed and the negative control was detected
 * @param statement       the formal statement checked
 * @param figures         the check's figures, in the order measured
 * @param negativeControl the negative control's own outcome (FAIL when detected) and figures
 * @param seed            the seed of every random source
 * @param settings        {@code quick} or {@code thorough}
 * @param wallSeconds     wall time of check and control, rounded to milliseconds
 * @param reproduce       the command that reproduces this file
 * @param versions        java, apfloat, ejml, hipparchus, gfgd and git commit
 */
public record Evidence(String id, String title, Outcome outcome, String statement, Map<String, Double> figures,
        Control negativeControl, long seed, Settings.Level settings, double wallSeconds, String reproduce,
        Map<String, String> versions) {

    /** The JSON keys, in the order they are written. */
    public static final List<String> KEYS = List.of("id", "title", "outcome", "statement", "figures",
            "negativeControl", "seed", "settings", "wallSeconds", "reproduce", "versions");

    /** The keys of {@code negativeControl}, in order. */
    public static final List<String> CONTROL_KEYS = List.of("outcome", "figures");

    /**
     * The negative control's part of the evidence.
     *
     * @param outcome the control's own outcome: FAIL means the false claim was detected
     * @param figures the control's figures
     */
    public record Control(Outcome outcome, Map<String, Double> figures) {
        public Control {
            figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }
    }

    public Evidence {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /** The evidence of {@code result}, with the wall time rounded to milliseconds. */
    public static Evidence of(ClaimResult result, Map<String, String> versions) {
        Claim c = result.claim();
        Settings s = result.check().settings();
        return new Evidence(c.id(), c.title(), result.outcome(), c.statement(), result.check().figures(),
                new Control(result.control().outcome(), result.control().figures()), s.seed(), s.level(),
                Math.round(result.wallSeconds() * 1000) / 1000.0, reproduceCommand(c.id(), s), versions);
    }

    /** {@code mvn verify -Dclaims=ID}, with {@code -Pthorough} and {@code -Dgfgd.seed=N} when they apply. */
    public static String reproduceCommand(String id, Settings s) {
        return "mvn verify -Dclaims=" + id + (s.isThorough() ? " -Pthorough" : "")
                + (s.seed() != Settings.DEFAULT_SEED ? " -Dgfgd.seed=" + s.seed() : "");
    }

    /** {@code java -jar target/gfgd.jar check ID}, with {@code --thorough} and {@code --seed N} when they apply. */
    public static String cliCommand(String id, Settings.Level level, long seed) {
        return "java -jar target/gfgd.jar check " + id + (level == Settings.Level.THOROUGH ? " --thorough" : "")
                + (seed != Settings.DEFAULT_SEED ? " --seed " + seed : "");
    }
}

package gfgd.claims;

import gfgd.numeric.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one check: its outcome, the figures it measured (in the order measured), its plots,
 * the settings and seed it ran with, its wall time, and a one-line reason when it failed.
 *
 * <p>Build one with {@link #builder(Settings)}: record figures, state requirements, add plots, then
 * {@link Builder#build()}. The outcome is {@link Outcome#PASS} exactly when every requirement held.
 *
 * @param outcome     PASS or FAIL
 * @param figures     named numbers measured by the check, finite, in insertion order (unmodifiable)
 * @param plots       plots of the check (unmodifiable)
 * @param settings    the settings (level and seed) the check ran with
 * @param wallSeconds wall time of the check in seconds
 * @param reason      one line saying why the check failed; empty when it passed
 * @param error       whether the check failed by throwing rather than by a violated requirement
 */
public record Verdict(Outcome outcome, Map<String, Double> figures, List<Plot> plots, Settings settings,
        double wallSeconds, String reason, boolean error) {

    public Verdict {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        plots = List.copyOf(plots);
        reason = reason == null ? "" : reason.replaceAll("\\s*\\R\\s*", " ").strip();
        if (outcome == Outcome.FAIL && reason.isEmpty()) {
            throw new IllegalArgumentException("a FAIL verdict needs a reason");
        }
        if (outcome == Outcome.PASS && !reason.isEmpty()) {
            throw new IllegalArgumentException("a PASS verdict has no reason, got '" + reason + "'");
        }
    }

    /** The seed the check ran with. */
    public long seed() {
        return settings.seed();
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    /** A FAIL verdict for a check that threw {@code e} after {@code wallSeconds}. */
    public static Verdict error(Settings settings, double wallSeconds, Throwable e) {
        return new Verdict(Outcome.FAIL, Map.of(), List.of(), settings, wallSeconds,
                "threw " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
    }

    /** Starts a verdict; the wall clock starts now. */
    public static Builder builder(Settings settings) {
        return new Builder(settings);
    }

    /** Collects the figures, requirements and plots of one check. Not thread-safe. */
    public static final class Builder {
        private final Settings settings;
        private final long start = System.nanoTime();
        private final Map<String, Double> figures = new LinkedHashMap<>();
        private final List<Plot> plots = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();

        private Builder(Settings settings) {
            if (settings == null) {
                throw new IllegalArgumentException("settings must not be null");
            }
            this.settings = settings;
        }

        /**
         * Records a figure.
         *
         * @throws IllegalArgumentException if {@code value} is not finite or the name is taken
         */
        public Builder figure(String name, double value) {
            Checks.finite("figure '" + name + "'", value);
            if (figures.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("figure '" + name + "' recorded twice");
            }
            return this;
        }

        /** Requires {@code holds}; otherwise the verdict fails and the first such reason is reported. */
        public Builder require(boolean holds, String reason) {
            if (!holds) {
                violations.add(reason);
            }
            return this;
        }

        /**
         * Records figure {@code name = value} and requires {@code value <= bound}; the reason names
         * both numbers.
         */
        public Builder requireAtMost(String name, double value, double bound) {
            figure(name, value);
            return require(value <= bound, name + " = " + value + " exceeds " + bound);
        }

        /** Adds a plot. */
        public Builder plot(Plot plot) {
            plots.add(plot);
            return this;
        }

        /** The verdict: PASS if every requirement held, else FAIL with the first violated one (and a count). */
        public Verdict build() {
            double wall = (System.nanoTime() - start) * 1e-9;
            if (violations.isEmpty()) {
                return new Verdict(Outcome.PASS, figures, plots, settings, wall, "", false);
            }
            String reason = violations.get(0)
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more violations)" : "");
            return new Verdict(Outcome.FAIL, figures, plots, settings, wall, reason, false);
        }
    }
}

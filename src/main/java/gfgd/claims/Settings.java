package gfgd.claims;

import java.util.Locale;

/**
 * How hard a check works, and the seed of every random source it uses.
 *
 * <p>{@link Level#QUICK} is what {@code mvn verify} runs on every build (seconds per claim);
 * {@link Level#THOROUGH} runs the large sweeps ({@code mvn verify -Pthorough},
 * {@code gfgd check ID --thorough}). Same settings, same numbers: a check must derive every random
 * draw from {@link #seed()}.
 *
 * @param level quick or thorough
 * @param seed  the seed of every random source of the check
 */
public record Settings(Level level, long seed) {

    /** The seed used unless {@code --seed} or {@code -Dgfgd.seed} says otherwise. */
    public static final long DEFAULT_SEED = 2021L;

    /** Quick (every build) or thorough (large sweeps). */
    public enum Level {
        QUICK, THOROUGH;

        /** {@code "quick"} or {@code "thorough"}, as written in the evidence. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The level called {@code label} ({@code quick} or {@code thorough}, any case).
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public static Level parse(String label) {
            for (Level l : values()) {
                if (l.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
                    return l;
                }
            }
            throw new IllegalArgumentException("settings must be 'quick' or 'thorough', got '" + label + "'");
        }
    }

    public Settings {
        if (level == null) {
            throw new IllegalArgumentException("level must not be null");
        }
    }

    /** Quick settings with the default seed. */
    public static Settings quick() {
        return new Settings(Level.QUICK, DEFAULT_SEED);
    }

    /** Thorough settings with the default seed. */
    public static Settings thorough() {
        return new Settings(Level.THOROUGH, DEFAULT_SEED);
    }

    /** These settings with another seed. */
    public Settings withSeed(long newSeed) {
        return new Settings(level, newSeed);
    }

    public boolean isThorough() {
        return level == Level.THOROUGH;
    }

    /** {@code quickValue} under quick settings, {@code thoroughValue} under thorough ones. */
    public int choose(int quickValue, int thoroughValue) {
        return isThorough() ? thoroughValue : quickValue;
    }
}

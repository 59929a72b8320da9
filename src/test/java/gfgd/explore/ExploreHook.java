package gfgd.explore;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Exploration mode for the jqwik properties, off by default.
 *
 * <p>With {@code -Dgfgd.explore=true} (what {@code mvn test -Pexplore} sets), every property runs with
 * a fresh random seed instead of its fixed {@code @Property(seed = ...)} and with {@link #TRIES_FACTOR}
 * times its tries. With {@code -Dgfgd.explore.seed=S} as well, every property runs with seed S (the
 * replay of a failure found by exploring; the tries are multiplied as when it was found, so the same
 * samples come in the same order). A failure's message then starts with the seed, the shrunk sample
 * and the command that replays it.
 *
 * <p>Without the property the hook changes nothing: the default build keeps its fixed seeds, so the
 * evidence stays deterministic. Registered for all properties in
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}.
 */
public final class ExploreHook implements AroundPropertyHook {

    /** Exploration runs ten times as many tries as the fixed-seed build. */
    public static final int TRIES_FACTOR = 10;
    /** jqwik's tries when a property names none ({@code jqwik.tries.default}, not set here). */
    static final int JQWIK_DEFAULT_TRIES = 1000;

    static final String EXPLORE = "gfgd.explore";
    static final String SEED = "gfgd.explore.seed";

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Optional<String> seed = explorationSeed(System.getProperty(EXPLORE), System.getProperty(SEED));
        if (seed.isEmpty()) {
            return property.execute();
        }
        explore(context.attributes(), seed.get());
        PropertyExecutionResult result = property.execute();
        if (result.status() != PropertyExecutionResult.Status.FAILED) {
            return result;
        }
        AssertionError failure = new AssertionError(replayMessage(context.containerClass().getName() + "#" + context.targetMethod().getName(), seed.get(),
                result.shrunkSample().map(s -> s.parameters().toString())
                        .or(() -> result.falsifiedParameters().map(Object::toString)).orElse("(none)")),
                result.throwable().orElse(null));
        return result.mapToFailed(failure);
    }

    /**
     * The seed exploration uses, or empty when exploration is off ({@code explore} not "true").
     * A given {@code replaySeed} (a failure's seed) wins over a fresh one.
     */
    static Optional<String> explorationSeed(String explore, String replaySeed) {
        if (!Boolean.parseBoolean(explore)) {
            return Optional.empty();
        }
        if (replaySeed != null && !replaySeed.isBlank()) {
            return Optional.of(Long.toString(Long.parseLong(replaySeed.strip())));
        }
        // Exploring means unseeded on purpose; the seed is reported with any failure.
        return Optional.of(Long.toString(ThreadLocalRandom.current().nextLong()));
    }

    /** Sets the fresh seed and ten times the tries; a failure is not replayed from jqwik's database. */
    static void explore(PropertyAttributes attributes, String seed) {
        attributes.setSeed(seed);
        attributes.setTries(TRIES_FACTOR * attributes.tries().orElse(JQWIK_DEFAULT_TRIES));
        attributes.setAfterFailure(AfterFailureMode.RANDOM_SEED);
    }

    /** The failure message; {@code property} is {@code class#method}. */
    static String replayMessage(String property, String seed, String shrunkSample) {
        return "exploration found a counterexample to " + property + ": seed = " + seed
                + ", shrunk sample = " + shrunkSample + ". Replay: mvn test -Pexplore -Dtest='" + property + "'"
                + " -D" + SEED + "=" + seed + " (or pin it in the source: @Property(seed = \"" + seed
                + "\", tries = " + TRIES_FACTOR + " x the tries))";
    }
}

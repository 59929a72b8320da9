package gfgd.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import org.junit.jupiter.api.Test;

/** Exploration changes seeds and tries only when asked to, and a failure says how to replay it. */
class ExploreHookTest {

    /** PropertyAttributes backed by a map: setX(v) stores, x() reads. */
    private static PropertyAttributes attributes(Map<String, Object> values) {
        return (PropertyAttributes) Proxy.newProxyInstance(PropertyAttributes.class.getClassLoader(),
                new Class<?>[] {PropertyAttributes.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set")) {
                        values.put(Character.toLowerCase(name.charAt(3)) + name.substring(4), args[0]);
                        return null;
                    }
                    return Optional.ofNullable(values.get(name));
                });
    }

    @Test
    void withoutTheSwitchNothingChangesSoTheBuildKeepsItsFixedSeeds() {
        assertEquals(Optional.empty(), ExploreHook.explorationSeed(null, null));
        assertEquals(Optional.empty(), ExploreHook.explorationSeed("false", "42"));
    }

    @Test
    void exploringDrawsAFreshSeedEachTime() {
        String first = ExploreHook.explorationSeed("true", null).orElseThrow();
        String second = ExploreHook.explorationSeed("true", "").orElseThrow();
        Long.parseLong(first);
        assertNotEquals(first, second);
    }

    @Test
    void aReplaySeedWinsOverAFreshOne() {
        assertEquals(Optional.of("-123"), ExploreHook.explorationSeed("true", " -123 "));
        assertThrows(NumberFormatException.class, () -> ExploreHook.explorationSeed("true", "abc"));
    }

    @Test
    void exploringMultipliesTheTriesByTenAndNeverReplaysFromTheDatabase() {
        Map<String, Object> values = new HashMap<>(Map.of("tries", 60, "seed", "20211206"));
        ExploreHook.explore(attributes(values), "77");
        assertEquals(600, values.get("tries"));
        assertEquals("77", values.get("seed"));
        assertEquals(AfterFailureMode.RANDOM_SEED, values.get("afterFailure"));

        Map<String, Object> unset = new HashMap<>();
        ExploreHook.explore(attributes(unset), "78");
        assertEquals(10 * ExploreHook.JQWIK_DEFAULT_TRIES, unset.get("tries"));
    }

    @Test
    void aFailureNamesTheSeedTheShrunkSampleAndTheReplayCommand() {
        String message = ExploreHook.replayMessage("gfgd.x.P#prop", "991", "[3, 0.5]");
        assertTrue(message.contains("seed = 991"), message);
        assertTrue(message.contains("shrunk sample = [3, 0.5]"), message);
        assertTrue(message.contains("-Dtest='gfgd.x.P#prop' -Dgfgd.explore.seed=991"), message);
    }
}

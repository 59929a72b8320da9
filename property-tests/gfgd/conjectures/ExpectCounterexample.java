package gfgd.conjectures;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Marks a property that states a FALSE conjecture: the test passes only if jqwik falsifies the property and
 * the shrunk counterexample satisfies {@link #value()}; it fails if the property holds on every try (the
 * counterexample was not found) or shrinks to something else.
 *
 * <p>jqwik's own {@code @ExpectFailure} (module {@code jqwik-testing}) does the same, but that module brings
 * AssertJ along; this is the same hook on jqwik's public lifecycle API ({@link AroundPropertyHook}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AddLifecycleHook(ExpectCounterexample.Hook.class)
public @interface ExpectCounterexample {

    /** Accepts the shrunk sample (the property's parameters); needs a no-argument constructor. */
    Class<? extends Predicate<List<Object>>> value();

    /** Turns "falsified with the expected counterexample" into success and everything else into failure. */
    final class Hook implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            ExpectCounterexample expect = context.findAnnotation(ExpectCounterexample.class).orElseThrow();
            PropertyExecutionResult result = property.execute();
            if (result.status() != PropertyExecutionResult.Status.FAILED) {
                return result.mapToFailed("expected a counterexample, but the property held on " + result.countTries()
                        + " tries (status " + result.status() + ")");
            }
            List<Object> sample = result.falsifiedParameters().orElse(List.of());
            if (!instantiate(expect.value()).test(sample)) {
                return result.mapToFailed("the property failed, but not with the expected counterexample: shrunk to "
                        + sample + ", cause " + result.throwable().map(Throwable::toString).orElse("none"));
            }
            return result.mapToSuccessful();
        }

        private static Predicate<List<Object>> instantiate(Class<? extends Predicate<List<Object>>> type) {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (InstantiationException | IllegalAccessException | NoSuchMethodException
                     | InvocationTargetException e) {
                throw new IllegalStateException("cannot create " + type.getName() + " (needs a no-argument constructor)", e);
            }
        }
    }
}

package gfgd.claims;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How many tries a jqwik property makes under each {@link Settings.Level}: {@code quick} on every
 * {@code mvn test}, {@code thorough} under {@code mvn test -Pthorough} (the profile sets the system property
 * {@code gfgd.settings}, which surefire passes to the tests). Overrides {@code @Property(tries = ...)}.
 *
 * <pre>
 *   &#64;Property(seed = SEED)
 *   &#64;Tries(quick = 20, thorough = 200)
 *   void myConjecture(&#64;ForAll("problems") DeepLinearProblems.Spec spec) { ... }
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AddLifecycleHook(Tries.Hook.class)
public @interface Tries {

    /** The system property naming the level ({@code quick} or {@code thorough}; unset means quick). */
    String LEVEL_PROPERTY = "gfgd.settings";

    /** Tries under quick settings. */
    int quick();

    /** Tries under thorough settings. */
    int thorough();

    /** Sets the property's tries from the annotation before it runs. */
    final class Hook implements AroundPropertyHook {

        /** The settings level of this test run, from {@link #LEVEL_PROPERTY}. */
        public static Settings.Level level() {
            String label = System.getProperty(LEVEL_PROPERTY, "");
            return label.isBlank() ? Settings.Level.QUICK : Settings.Level.parse(label);
        }

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.findAnnotation(Tries.class).ifPresent(t ->
                    context.attributes().setTries(level() == Settings.Level.THOROUGH ? t.thorough() : t.quick()));
            return property.execute();
        }
    }
}

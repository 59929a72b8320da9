package gfgd.conjectures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;
import org.junit.jupiter.api.Test;

/** The expected-failure hook turns only "falsified with the expected counterexample" into success. */
class ExpectCounterexampleTest {

    /** Accepts a sample whose first parameter is the string "F1". */
    static final class IsF1 implements Predicate<List<Object>> {
        @Override
        public boolean test(List<Object> sample) {
            return !sample.isEmpty() && "F1".equals(sample.get(0));
        }
    }

    @ExpectCounterexample(IsF1.class)
    void annotated() {
    }

    /** A property's result: status, tries and the shrunk sample. */
    record Result(Status status, int countTries, List<Object> sample, Throwable cause)
            implements PropertyExecutionResult {

        @Override
        public Optional<String> seed() {
            return Optional.of("1");
        }

        @Override
        public Optional<List<Object>> falsifiedParameters() {
            return Optional.ofNullable(sample);
        }

        @Override
        public Optional<Throwable> throwable() {
            return Optional.ofNullable(cause);
        }

        @Override
        public int countChecks() {
            return countTries;
        }

        @Override
        public Optional<FalsifiedSample> originalSample() {
            return Optional.empty();
        }

        @Override
        public Optional<ShrunkFalsifiedSample> shrunkSample() {
            return Optional.empty();
        }

        @Override
        public PropertyExecutionResult mapTo(Status newStatus, Throwable newCause) {
            return new Result(newStatus, countTries, sample, newCause);
        }
    }

    private static PropertyExecutionResult around(PropertyExecutionResult propertyResult) throws Exception {
        ExpectCounterexample annotation = ExpectCounterexampleTest.class.getDeclaredMethod("annotated")
                .getAnnotation(ExpectCounterexample.class);
        PropertyLifecycleContext context = (PropertyLifecycleContext) Proxy.newProxyInstance(
                ExpectCounterexampleTest.class.getClassLoader(), new Class<?>[] {PropertyLifecycleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findAnnotation")) {
                        return Optional.of(annotation);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ExpectCounterexample.Hook().aroundProperty(context, () -> propertyResult);
    }

    @Test
    void theExpectedCounterexampleTurnsTheFailureIntoSuccess() throws Exception {
        PropertyExecutionResult r = around(new Result(PropertyExecutionResult.Status.FAILED, 10, List.of("F1"),
                new AssertionError("bound violated")));
        assertEquals(PropertyExecutionResult.Status.SUCCESSFUL, r.status());
    }

    @Test
    void aPropertyThatHoldsFailsTheTest() throws Exception {
        PropertyExecutionResult r = around(new Result(PropertyExecutionResult.Status.SUCCESSFUL, 12, null, null));
        assertEquals(PropertyExecutionResult.Status.FAILED, r.status());
        assertTrue(r.throwable().orElseThrow().getMessage().contains("held on 12 tries"),
                r.throwable().orElseThrow().getMessage());
    }

    @Test
    void anotherCounterexampleFailsTheTest() throws Exception {
        PropertyExecutionResult r = around(new Result(PropertyExecutionResult.Status.FAILED, 3, List.of("balanced"),
                new AssertionError("bound violated")));
        assertEquals(PropertyExecutionResult.Status.FAILED, r.status());
        assertTrue(r.throwable().orElseThrow().getMessage().contains("shrunk to [balanced]"),
                r.throwable().orElseThrow().getMessage());
    }
}

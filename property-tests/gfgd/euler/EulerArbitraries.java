package gfgd.euler;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Bounded generators for claim {@code euler}: small quadratics with exact decimal entries, starts, step
 * fractions and run lengths.
 */
public final class EulerArbitraries {

    /** Dimensions stay small so that apfloat runs stay cheap. */
    public static final int MAX_DIMENSION = 4;
    /** GD steps per case. */
    public static final int MAX_STEPS = 40;

    private EulerArbitraries() {
    }

    /**
     * A quadratic with a start and a step: {@code A = B B' + shift I} with {@code B}'s entries in
     * {@code {-16..16}/16}, {@code shift} in {@code {-8..8}/16} (so {@code A} may be indefinite),
     * {@code b} and {@code theta_0} in {@code {-16..16}/16}, step {@code eta = c / rho(A)} with {@code c}
     * in [0.05, 1.95].
     *
     * @param n      dimension
     * @param bEntries {@code B} row-major, in sixteenths
     * @param shift  diagonal shift, in sixteenths
     * @param linear {@code b}, in sixteenths
     * @param start  {@code theta_0}, in sixteenths
     * @param c      step fraction of {@code 1/rho(A)}
     * @param steps  GD steps
     */
    public record Case(int n, int[] bEntries, int shift, int[] linear, int[] start, double c, int steps) {

        /** The quadratic and start as an {@link EulerCheck.Instance} of exact decimal strings. */
        EulerCheck.Instance instance() {
            String[] matrix = new String[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    long s = 0;
                    for (int k = 0; k < n; k++) {
                        s += (long) bEntries[i * n + k] * bEntries[j * n + k];
                    }
                    BigDecimal v = BigDecimal.valueOf(s).divide(BigDecimal.valueOf(256));
                    if (i == j) {
                        v = v.add(BigDecimal.valueOf(shift).divide(BigDecimal.valueOf(16)));
                    }
                    matrix[i * n + j] = v.toPlainString();
                }
            }
            return new EulerCheck.Instance("case", n, matrix, sixteenths(linear), sixteenths(start), steps);
        }

        /** Whether {@code A} has a negative eigenvalue (as far as double can tell). */
        boolean indefinite() {
            return EulerCheck.smallestEigenvalue(instance()) < 0;
        }

        private static String[] sixteenths(int[] v) {
            String[] s = new String[v.length];
            for (int i = 0; i < v.length; i++) {
                s[i] = BigDecimal.valueOf(v[i]).divide(BigDecimal.valueOf(16)).toPlainString();
            }
            return s;
        }

        @Override
        public String toString() {
            return "Case(n=" + n + ", B=" + java.util.Arrays.toString(bEntries) + "/16, shift=" + shift + "/16, b="
                    + java.util.Arrays.toString(linear) + "/16, theta0=" + java.util.Arrays.toString(start)
                    + "/16, c=" + c + ", steps=" + steps + ")";
        }
    }

    private static Arbitrary<int[]> sixteenths(int size) {
        return Arbitraries.integers().between(-16, 16).array(int[].class).ofSize(size);
    }

    /** Cases of every dimension 1..{@link #MAX_DIMENSION}, with nonzero starts. */
    public static Arbitrary<Case> cases() {
        return Arbitraries.integers().between(1, MAX_DIMENSION).flatMap(n -> Combinators.combine(
                sixteenths(n * n),
                Arbitraries.integers().between(-8, 8),
                sixteenths(n),
                sixteenths(n).filter(v -> java.util.Arrays.stream(v).anyMatch(x -> x != 0)),
                Arbitraries.doubles().between(0.05, 1.95).ofScale(2),
                Arbitraries.integers().between(1, MAX_STEPS))
                .as((bm, shift, lin, start, c, steps) -> new Case(n, bm, shift, lin, start, c, steps))
                .filter(cs -> EulerCheck.spectralRadius(cs.instance()) > 0));
    }
}

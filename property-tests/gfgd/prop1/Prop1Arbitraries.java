package gfgd.prop1;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Bounded generators for claim {@code prop1}: Family A instances as exact decimals and pairs of step
 * counts, small (where {@code u = mt/k >= 0.1} and {@code phi} is computed by the logarithm) and large
 * (up to {@code 10^25}, where it is computed by its series).
 */
public final class Prop1Arbitraries {

    /** Largest {@code m} (with {@code t <= 2}, so {@code m t <= 40}: apfloat stays below ~100 digits). */
    public static final int MAX_M = 20;
    /** Largest step count of the fixed-time pairs. */
    public static final BigInteger MAX_K = BigInteger.TEN.pow(25);
    /** Largest step count of the fixed-step pairs (with {@code eta m <= 0.3}: {@code m t <= 60}). */
    public static final int MAX_K_FIXED_STEP = 200;

    private Prop1Arbitraries() {
    }

    /**
     * Two step counts at fixed {@code (m, t)}: {@code k1 < k2}, i.e. {@code eta1 = t/k1 > eta2 = t/k2}.
     *
     * @param m  curvature magnitude, a decimal in [0.1, 20]
     * @param t  time, a decimal in [0.1, 2]
     * @param k1 the smaller step count
     * @param k2 the larger one
     */
    public record FixedTime(String m, String t, BigInteger k1, BigInteger k2) {
    }

    /**
     * Two step counts at fixed {@code (m, eta)}: {@code k1 < k2}, i.e. {@code t1 = k1 eta < t2 = k2 eta}.
     *
     * @param m   curvature magnitude, a decimal in [0.1, 20]
     * @param eta the step, a decimal with {@code eta m <= 0.3}
     * @param k1  the smaller step count
     * @param k2  the larger one
     */
    public record FixedStep(String m, String eta, int k1, int k2) {

        /** {@code k eta}, exactly. */
        public String time(int k) {
            return new BigDecimal(eta).multiply(BigDecimal.valueOf(k)).toPlainString();
        }
    }

    private static Arbitrary<String> decimals(double lo, double hi) {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(lo), BigDecimal.valueOf(hi)).ofScale(2)
                .map(BigDecimal::toPlainString);
    }

    private static Arbitrary<BigInteger> stepCounts() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(100)),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(100), MAX_K));
    }

    /** Pairs at fixed time: {@code k1} small or large, {@code k2 = k1 + d} with {@code d} from 1 up to {@code 10 k1}. */
    public static Arbitrary<FixedTime> fixedTime() {
        return Combinators.combine(decimals(0.1, MAX_M), decimals(0.1, 2), stepCounts(),
                Arbitraries.doubles().between(1e-6, 10).ofScale(6))
                .as((m, t, k1, f) -> new FixedTime(m, t, k1,
                        k1.add(new BigDecimal(k1).multiply(BigDecimal.valueOf(f)).toBigInteger().max(BigInteger.ONE))));
    }

    /** Pairs at fixed step: {@code eta m = u} in [1e-4, 0.3], {@code 1 <= k1 < k2 <= 200}. */
    public static Arbitrary<FixedStep> fixedStep() {
        return Combinators.combine(decimals(0.1, MAX_M), Arbitraries.doubles().between(1e-4, 0.3).ofScale(5),
                Arbitraries.integers().between(1, MAX_K_FIXED_STEP - 1), Arbitraries.integers().between(1, MAX_K_FIXED_STEP - 1))
                .as((m, u, k, d) -> new FixedStep(m,
                        BigDecimal.valueOf(u).divide(new BigDecimal(m), new java.math.MathContext(6)).toPlainString(),
                        k, Math.min(MAX_K_FIXED_STEP, k + d)));
    }
}

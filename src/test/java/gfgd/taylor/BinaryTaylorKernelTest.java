package gfgd.taylor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.SplitMix64;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

class BinaryTaylorKernelTest {

    /** The workload's precision: 30 digits, 40 working digits. */
    private static final int DIGITS = 30;

    /** Random cases per property (enough to hit both signs, many exponents and carries in the rounding). */
    private static final int CASES = 2000;

    /** Length of the random series: the order K + 2 of a 30-digit run. */
    private static final int SERIES = 38;

    /** Seed of the random decimals. */
    private static final long SEED = 20211206L;

    /**
     * Cauchy product vs its exact value: one rounding (half an ulp, {@code 2^-P} relative) plus terms
     * truncated below {@code 3P} bits of the largest, at most {@code 2^(1-3P)} of it each.
     */
    private static final int ACCUMULATOR_BITS_PER_P = 3;



    private final ApfloatArithmetic a = ApfloatArithmetic.digits(DIGITS);
    /** A kernel sized for series of {@link #SERIES} terms (order K = SERIES - 2), like a 30-digit run. */
    private final BinaryTaylorKernel kernel = BinaryTaylorKernel.identityProgram(a, SERIES - 2);
    private final MathContext workingDigits = new MathContext(a.precision().workingDigits());

    /** A decimal with the working digits, random sign, exponent in [-scale - 5, -scale + 5]. */
    private static BigDecimal decimal(SplitMix64 r, MathContext mc, int scale) {
        BigDecimal unit = new BigDecimal(r.nextDouble() * 2 - 1);
        StringBuilder digits = new StringBuilder(unit.signum() < 0 ? "-0." : "0.");
        for (int i = 0; i < mc.getPrecision(); i++) {
            digits.append((char) ('0' + (int) (r.nextDouble() * 10)));
        }
        int shift = scale + (int) (r.nextDouble() * 11) - 5;
        return new BigDecimal(digits.toString()).scaleByPowerOfTen(-shift).round(mc);
    }

    private static BigDecimal ulpFraction(int bits) {
        return new BigDecimal(BigInteger.ONE).divide(new BigDecimal(BigInteger.TWO.pow(bits)));
    }

    @Test
    void decimalsRoundToTheNearestBinaryNumberOfPBits() {
        SplitMix64 r = new SplitMix64(SEED);
        BigDecimal halfUlp = ulpFraction(kernel.precisionBits());
        for (int n = 0; n < CASES; n++) {
            BigDecimal x = decimal(r, workingDigits, n % 60 - 30);
            BigDecimal b = kernel.roundToBinary(x);
            assertTrue(b.subtract(x).abs().compareTo(x.abs().multiply(halfUlp)) <= 0, "x = " + x + ", binary " + b);
        }
    }

    @Test
    void workingDigitApfloatsSurviveTheRoundTripExactly() {
        SplitMix64 r = new SplitMix64(SEED + 1);
        for (int n = 0; n < CASES; n++) {
            Apfloat x = a.parse(decimal(r, workingDigits, n % 60 - 30).toString());
            kernel.load(0, x);
            Apfloat back = kernel.state()[0];
            assertEquals(0, back.compareTo(x), "x = " + x + " came back as " + back);
        }
    }

    @Test
    void cauchyProductEqualsTheExactSumRoundedOnce() {
        SplitMix64 r = new SplitMix64(SEED + 2);
        int p = kernel.precisionBits();
        BigDecimal halfUlp = ulpFraction(p);
        BigDecimal truncation = ulpFraction(ACCUMULATOR_BITS_PER_P * p - 1);
        for (int n = 0; n < CASES / 10; n++) {
            BigDecimal[] u = new BigDecimal[SERIES];
            BigDecimal[] v = new BigDecimal[SERIES];
            for (int i = 0; i < SERIES; i++) {
                u[i] = kernel.roundToBinary(decimal(r, workingDigits, i / 2));
                v[i] = kernel.roundToBinary(decimal(r, workingDigits, i / 2));
            }
            int k = n % SERIES;
            BigDecimal exact = BigDecimal.ZERO;
            BigDecimal largest = BigDecimal.ZERO;
            for (int i = 0; i <= k; i++) {
                BigDecimal term = u[i].multiply(v[k - i]);
                exact = exact.add(term);
                largest = largest.max(term.abs());
            }
            BigDecimal got = kernel.cauchy(u, v, k);
            BigDecimal bound = exact.abs().multiply(halfUlp)
                    .add(largest.multiply(truncation).multiply(BigDecimal.valueOf(k + 1)));
            assertTrue(got.subtract(exact).abs().compareTo(bound) <= 0, "k = " + k + ": " + got + " vs exact " + exact);
            // the terms span far less than 3P bits, so nothing is truncated: the result is the exact sum
            // correctly rounded
            assertEquals(0, got.compareTo(kernel.roundToBinary(exact)), "k = " + k + ": " + got + " vs exact " + exact);
        }
    }

    @Test
    void cauchyProductRoundsTiesToEven() {
        int p = kernel.precisionBits();
        BigDecimal half = new BigDecimal("0.5");
        for (int sign : new int[] {1, -1}) {
            // integers of P bits (the last rounds up to 2^P, one bit more); x + 1/2 is a tie between x and x + 1
            for (BigInteger m : new BigInteger[] {BigInteger.TWO.pow(p - 1).add(BigInteger.ONE),
                    BigInteger.TWO.pow(p - 1).add(BigInteger.TWO), BigInteger.TWO.pow(p).subtract(BigInteger.ONE)}) {
                BigDecimal x = new BigDecimal(m).multiply(BigDecimal.valueOf(sign));
                BigDecimal[] u = {x, half.multiply(BigDecimal.valueOf(sign))};
                BigDecimal[] v = {BigDecimal.ONE, BigDecimal.ONE};
                BigDecimal even = m.testBit(0) ? x.add(BigDecimal.valueOf(sign)) : x;
                assertEquals(0, kernel.cauchy(u, v, 1).compareTo(even), "x = " + x);
            }
        }
    }

    @Test
    void cauchyProductOfFullMantissasOfOneSignDoesNotOverflowTheAccumulator() {
        int p = kernel.precisionBits();
        BigDecimal halfUlp = ulpFraction(p);
        // 1 - 10^-40 and its multiples by powers of two: mantissas of (nearly) all ones, every limb near full
        BigDecimal nines = BigDecimal.ONE.subtract(BigDecimal.ONE.scaleByPowerOfTen(-workingDigits.getPrecision()));
        for (int sign : new int[] {1, -1}) {
            BigDecimal[] u = new BigDecimal[SERIES];
            for (int i = 0; i < SERIES; i++) {
                u[i] = kernel.roundToBinary(nines.multiply(BigDecimal.valueOf(sign)).multiply(new BigDecimal(BigInteger.TWO.pow(i % 31))));
            }
            int k = SERIES - 1;
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i <= k; i++) {
                exact = exact.add(u[i].multiply(u[k - i]));
            }
            BigDecimal got = kernel.cauchy(u, u, k);
            assertTrue(got.subtract(exact).abs().compareTo(exact.abs().multiply(halfUlp)) <= 0,
                    "sign " + sign + ": " + got + " vs exact " + exact);
        }
    }

    @Test
    void cauchyProductAgreesWithApfloatToTheWorkingDigits() {
        SplitMix64 r = new SplitMix64(SEED + 3);
        BigDecimal eps = new BigDecimal(a.epsilon());
        for (int n = 0; n < CASES / 10; n++) {
            BigDecimal[] u = new BigDecimal[SERIES];
            BigDecimal[] v = new BigDecimal[SERIES];
            for (int i = 0; i < SERIES; i++) {
                u[i] = decimal(r, workingDigits, i / 2);
                v[i] = decimal(r, workingDigits, i / 2);
            }
            int k = n % SERIES;
            Apfloat sum = a.zero();
            BigDecimal magnitudes = BigDecimal.ZERO;
            for (int i = 0; i <= k; i++) {
                sum = a.add(sum, a.mul(a.parse(u[i].toString()), a.parse(v[k - i].toString())));
                magnitudes = magnitudes.add(u[i].multiply(v[k - i]).abs());
            }
            BigDecimal apfloat = new BigDecimal(sum.toString(false));
            BigDecimal got = kernel.cauchy(u, v, k);
            BigDecimal bound = magnitudes.multiply(eps).multiply(BigDecimal.valueOf(k + 3));
            assertTrue(got.subtract(apfloat).abs().compareTo(bound) <= 0, "k = " + k + ": " + got + " vs apfloat " + apfloat);
        }
    }
}

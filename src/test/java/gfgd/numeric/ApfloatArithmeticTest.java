package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link ApfloatArithmetic}: scalar operations give exactly the results of apfloat's fixed-precision
 * helper; matrix operations give the exact result rounded once to the working digits.
 */
class ApfloatArithmeticTest {

    private static final long SEED = 314159L;
    /** 2^-k by about 80 squarings at 40 working digits: the base's rounding grows by k, ~1e12 * 1e-40. */
    private static final double POWER_TOLERANCE = 1e-26;
    private static final int CASES = 5_000;
    private static final int N = 4;

    @Test
    void scalarOperationsEqualTheFixedPrecisionHelperExactly() {
        for (int digits : new int[] {30, 50}) {
            ApfloatArithmetic a = ApfloatArithmetic.digits(digits);
            FixedPrecisionApfloatHelper h = a.helper();
            Random r = new Random(SEED + digits);
            for (int t = 0; t < CASES; t++) {
                Apfloat x = random(r, a);
                Apfloat y = random(r, a);
                Apfloat s = t % 3 == 0 ? a.negate(a.mul(x, y)) : random(r, a); // cancellation every third case
                assertIdentical(h.multiply(x, y), a.mul(x, y));
                assertIdentical(h.add(s, h.multiply(x, y)), a.add(s, a.mul(x, y)));
                assertIdentical(h.subtract(s, x), a.sub(s, x));
                assertIdentical(h.add(a.zero(), x), a.add(a.zero(), x));
            }
        }
    }

    @Test
    void matrixEntriesAreTheExactResultRoundedOnceToTheWorkingDigits() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        MathContext mc = new MathContext((int) a.precision().workingDigits(), RoundingMode.HALF_EVEN);
        Random r = new Random(SEED);
        for (int t = 0; t < 200; t++) {
            ApMatrix x = randomMatrix(r, a);
            ApMatrix y = randomMatrix(r, a);
            Apfloat s = random(r, a);
            ApMatrix prod = a.mult(x, y);
            ApMatrix prodTa = a.multTransA(x, y);
            ApMatrix prodTb = a.multTransB(x, y);
            ApMatrix upd = a.addScaled(x, s, y);
            ApMatrix diff = a.minus(x, y);
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    BigDecimal p = BigDecimal.ZERO;
                    BigDecimal pa = BigDecimal.ZERO;
                    BigDecimal pb = BigDecimal.ZERO;
                    for (int k = 0; k < N; k++) {
                        p = p.add(exact(x.get(i, k)).multiply(exact(y.get(k, j))));
                        pa = pa.add(exact(x.get(k, i)).multiply(exact(y.get(k, j))));
                        pb = pb.add(exact(x.get(i, k)).multiply(exact(y.get(j, k))));
                    }
                    assertEquals(0, p.round(mc).compareTo(exact(prod.get(i, j))));
                    assertEquals(0, pa.round(mc).compareTo(exact(prodTa.get(i, j))));
                    assertEquals(0, pb.round(mc).compareTo(exact(prodTb.get(i, j))));
                    BigDecimal u = exact(x.get(i, j)).add(exact(s).multiply(exact(y.get(i, j))));
                    assertEquals(0, u.round(mc).compareTo(exact(upd.get(i, j))));
                    BigDecimal dd = exact(x.get(i, j)).subtract(exact(y.get(i, j)));
                    assertEquals(0, dd.round(mc).compareTo(exact(diff.get(i, j))));
                }
            }
        }
    }

    @Test
    void matrixResultsCarryExactlyTheWorkingDigits() {
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        ApMatrix third = a.scale(a.div(a.one(), a.of(3)), a.identity(1));
        ApMatrix product = a.mult(third, a.fromStrings(1, 1, "3"));
        // 1/3 rounded to 40 digits, times 3, rounded: forty nines, not 1 and not more digits
        assertEquals(0, exact(product.get(0, 0)).compareTo(new BigDecimal("0." + "9".repeat(40))));
        assertEquals(0, a.get(a.fromStrings(1, 1, "0.1"), 0, 0).compareTo(a.parse("0.1")));
        assertEquals(0.1, a.toDoubles(a.fromStrings(1, 1, "0.1"))[0], 0.0);
    }

    @Test
    void entriesBeyondTheDecimalExponentRangeAreComputedWithApfloat() {
        // [[1/2, 1/2], [0, 1]]^k = [[2^-k, 1 - 2^-k], [0, 1]]; 2^-(10^12) ~ 10^(-3.0e11) is far outside
        // BigDecimal's exponent range, and its sum with 1 must not build a 3e11-digit integer.
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        long k = 1_000_000_000_000L;
        ApMatrix p = MatrixPower.power(a, a.fromStrings(2, 2, "0.5", "0.5", "0", "1"), k);
        Apfloat expected = ApfloatMath.pow(new Apfloat(2, 60), -k);
        double rel = a.toDouble(a.abs(a.div(a.sub(p.get(0, 0), expected), expected)));
        assertTrue(rel < POWER_TOLERANCE, "relative error " + rel);
        // 1 - 2^-k: 1 after rounding, or its predecessor where apfloat took over (its last digit is not rounded)
        assertTrue(a.toDouble(a.abs(a.sub(a.one(), p.get(0, 1)))) <= a.epsilon(), p.get(0, 1).toString());
        assertEquals(0, a.one().compareTo(p.get(1, 1)));
        assertEquals(0, p.get(1, 0).signum());
        ApMatrix tiny = a.scale(p.get(0, 0), a.identity(2));
        assertEquals(0, a.add(p.get(0, 0), p.get(0, 0)).compareTo(a.dot(tiny, a.identity(2))));
        assertEquals(0.0, a.toDoubles(a.plus(tiny, tiny))[0], 0.0);
    }

    @Test
    void entryWiseOperationsOnEntriesBeyondTheDecimalRangeAreExactMultiples() {
        // t = 10^-5000000000 has an exponent no BigDecimal can hold: these entries take the apfloat path
        ApfloatArithmetic a = ApfloatArithmetic.digits(30);
        Apfloat t = new Apfloat("1e-5000000000", 40);
        ApMatrix m = a.zeros(1, 3);
        a.set(m, 0, 0, a.mul(a.of(3), t));
        a.set(m, 0, 1, t);
        ApMatrix n = a.zeros(1, 3);
        a.set(n, 0, 0, t);
        a.set(n, 0, 1, a.of(2));
        a.set(n, 0, 2, t);
        Apfloat twoT = a.mul(a.of(2), t);
        Apfloat threeT = a.mul(a.of(3), t);
        // m = [3t, t, 0], n = [t, 2, t]
        ApMatrix diff = a.minus(m, n);
        assertIdentical(twoT, diff.get(0, 0));
        assertIdentical(a.negate(t), diff.get(0, 2));
        ApMatrix prod = a.hadamard(m, n);
        assertIdentical(a.mul(threeT, t), prod.get(0, 0));
        assertIdentical(twoT, prod.get(0, 1));
        assertEquals(0, prod.get(0, 2).signum(), "0 times t");
        // m + 2 n = [5t, t + 4, 2t]
        ApMatrix sum = a.copy(m);
        assertSame(sum, a.addInPlace(sum, a.of(2), n));
        assertIdentical(a.mul(a.of(5), t), sum.get(0, 0));
        assertIdentical(a.add(t, a.of(4)), sum.get(0, 1));
        assertIdentical(twoT, sum.get(0, 2));
        ApMatrix unchanged = a.copy(m);
        assertSame(unchanged, a.addInPlace(unchanged, a.zero(), n));
        assertIdentical(threeT, unchanged.get(0, 0));
        assertIdentical(t, unchanged.get(0, 1));
    }

    /** The exact decimal value of an apfloat with finitely many digits. */
    private static BigDecimal exact(Apfloat x) {
        return x.signum() == 0 ? BigDecimal.ZERO : new BigDecimal(x.toString(false));
    }

    /** A working-precision number with 60 random digits before rounding and a random exponent in [-10, 10). */
    private static Apfloat random(Random r, ApfloatArithmetic a) {
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "-" : "");
        sb.append(1 + r.nextInt(9)).append('.');
        for (int i = 0; i < 60; i++) {
            sb.append(r.nextInt(10));
        }
        return a.parse(sb.append('e').append(r.nextInt(20) - 10).toString());
    }

    private static ApMatrix randomMatrix(Random r, ApfloatArithmetic a) {
        ApMatrix m = a.zeros(N, N);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                a.set(m, i, j, random(r, a));
            }
        }
        return m;
    }

    private static void assertIdentical(Apfloat expected, Apfloat actual) {
        assertEquals(0, expected.compareTo(actual), () -> expected + " vs " + actual);
        assertEquals(expected.precision(), actual.precision(), () -> "precision of " + actual);
    }
}

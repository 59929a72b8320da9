package gfgd.taylor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

    /** {@code m 2^e} exactly. */
    private static BigDecimal binary(BigInteger m, int e) {
        BigDecimal pow = e >= 0 ? new BigDecimal(BigInteger.TWO.pow(e))
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-e)));
        return new BigDecimal(m).multiply(pow);
    }

    /** A random mantissa of exactly {@code p} bits with its lowest bit set (so every limb is in use). */
    private static BigInteger fullMantissa(SplitMix64 r, int p) {
        BigInteger m = BigInteger.ONE;
        for (int i = 1; i < p - 1; i++) {
            m = m.shiftLeft(1).add(r.nextDouble() < 0.5 ? BigInteger.ZERO : BigInteger.ONE);
        }
        return m.shiftLeft(1).add(BigInteger.ONE);
    }

    @Test
    void limbSizeIsTheLargestWhoseUncarriedColumnsCannotOverflow() {
        // the documented criterion in exact integers: terms L 2^(2B) <= 2^62, L = ceil((P + B - 1) / B), 16 <= B <= 30
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        for (int terms = 1; terms <= 200; terms++) {
            counts.add(terms);
        }
        for (int k = 8; k <= 30; k++) {
            counts.add(1 << k);
        }
        for (int p : new int[] {2, 134, 1000}) {
            for (int terms : counts) {
                int expected = 0;
                for (int b = 30; b >= 16 && expected == 0; b--) {
                    long l = (p + b - 1 + b - 1) / b;
                    if (BigInteger.valueOf(terms).multiply(BigInteger.valueOf(l)).shiftLeft(2 * b)
                            .compareTo(BigInteger.ONE.shiftLeft(62)) <= 0) {
                        expected = b;
                    }
                }
                assertEquals(expected, BinaryTaylorKernel.limbBitsFor(p, terms), "P = " + p + ", terms = " + terms);
            }
        }
        // the cases at the edges: equality (2^15 terms of 8 limbs at B = 22), the smallest limb and none
        assertEquals(22, BinaryTaylorKernel.limbBitsFor(134, 1 << 15));
        assertEquals(30, BinaryTaylorKernel.limbBitsFor(2, 2));
        assertEquals(16, BinaryTaylorKernel.limbBitsFor(134, 1 << 25));
        assertEquals(0, BinaryTaylorKernel.limbBitsFor(134, 1 << 30));
        // 40 working digits: P = ceil(40 log2 10) + 1 = 134
        assertEquals(134, kernel.precisionBits());
        assertEquals(134, BinaryTaylorKernel.bitsFor(40));
        assertEquals(5, BinaryTaylorKernel.bitsFor(1));
    }

    @Test
    void integersRoundToNearestWithTiesToEven() {
        int p = kernel.precisionBits();
        BigInteger two = BigInteger.TWO;
        BigInteger top = two.pow(p);
        // {input, rounded}: one bit too many (a tie either way), two bits too many, all ones (carries into P + 1 bits)
        BigInteger[][] cases = {
            {top.add(BigInteger.ONE), top},
            {top.add(BigInteger.valueOf(3)), top.add(BigInteger.valueOf(4))},
            {top.add(BigInteger.valueOf(2)), top.add(BigInteger.valueOf(2))},
            {top.shiftLeft(1).add(BigInteger.ONE), top.shiftLeft(1)},
            {top.shiftLeft(1).add(two), top.shiftLeft(1)},
            {top.shiftLeft(1).add(BigInteger.valueOf(3)), top.shiftLeft(1).add(BigInteger.valueOf(4))},
            {top.shiftLeft(1).add(BigInteger.valueOf(6)), top.shiftLeft(1).add(BigInteger.valueOf(8))},
            {top.shiftLeft(1).subtract(BigInteger.ONE), top.shiftLeft(1)},
            {top.subtract(BigInteger.ONE), top.subtract(BigInteger.ONE)},
            {BigInteger.valueOf(12345), BigInteger.valueOf(12345)},
        };
        for (BigInteger[] c : cases) {
            for (int sign : new int[] {1, -1}) {
                BigDecimal x = new BigDecimal(c[0]).multiply(BigDecimal.valueOf(sign));
                BigDecimal want = new BigDecimal(c[1]).multiply(BigDecimal.valueOf(sign));
                assertEquals(0, kernel.roundToBinary(x).compareTo(want), x + " rounds to " + kernel.roundToBinary(x));
                // the same as a decimal with a negative scale (a power of ten factored out) and as a fraction
                BigDecimal scaled = x.multiply(BigDecimal.TEN.pow(3)).stripTrailingZeros();
                assertEquals(0, kernel.roundToBinary(scaled).compareTo(kernel.roundToBinary(scaled.setScale(2))));
                BigDecimal half = binary(c[0], -p - 5).multiply(BigDecimal.valueOf(sign));
                assertEquals(0, kernel.roundToBinary(half).compareTo(binary(c[1], -p - 5).multiply(BigDecimal.valueOf(sign))),
                        half.toString());
            }
        }
        assertEquals(0, kernel.roundToBinary(new BigDecimal("1E+5")).compareTo(BigDecimal.valueOf(100000)));
        assertEquals(0, kernel.roundToBinary(new BigDecimal("-3E+2")).compareTo(BigDecimal.valueOf(-300)));
    }

    @Test
    void cauchyProductRoundsTiesToEvenAtEveryLimbAlignment() {
        int p = kernel.precisionBits();
        BigInteger[] mantissas = {BigInteger.TWO.pow(p - 1).add(BigInteger.ONE), BigInteger.TWO.pow(p - 1).add(BigInteger.TWO),
                BigInteger.TWO.pow(p).subtract(BigInteger.ONE), BigInteger.TWO.pow(p).subtract(BigInteger.TWO)};
        for (int shift = -40; shift <= 40; shift++) {
            for (BigInteger m : mantissas) {
                for (int sign : new int[] {1, -1}) {
                    BigDecimal s = BigDecimal.valueOf(sign);
                    // m 2^shift + 2^(shift - 1): a tie between m and m + 1 (times 2^shift)
                    BigDecimal[] u = {binary(m, shift).multiply(s), binary(BigInteger.ONE, shift - 1).multiply(s)};
                    BigDecimal[] v = {BigDecimal.ONE, BigDecimal.ONE};
                    BigInteger even = m.testBit(0) ? m.add(BigInteger.ONE) : m;
                    BigDecimal want = binary(even, shift).multiply(s);
                    assertEquals(0, kernel.cauchy(u, v, 1).compareTo(want), "m = " + m + ", shift " + shift);
                    // just above and just below the tie (a bit 90 places further down): away from and towards zero
                    BigDecimal[] ones = {BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE};
                    BigDecimal tiny = binary(BigInteger.ONE, shift - 90).multiply(s);
                    BigDecimal[] above = {u[0], tiny, u[1]};
                    assertEquals(0, kernel.cauchy(above, ones, 2).compareTo(binary(m.add(BigInteger.ONE), shift).multiply(s)),
                            "above the tie: m = " + m + ", shift " + shift);
                    BigDecimal[] below = {u[0], tiny.negate(), u[1]};
                    assertEquals(0, kernel.cauchy(below, ones, 2).compareTo(binary(m, shift).multiply(s)),
                            "below the tie: m = " + m + ", shift " + shift);
                }
            }
        }
    }

    @Test
    void cauchyProductKeepsTheResidualOfACancellationExactly() {
        // x y - fl(x y) is a number of at most P bits: a product whose terms cancel to it must return it exactly,
        // however few bits remain (down to zero when x y is itself a P-bit number)
        SplitMix64 r = new SplitMix64(SEED + 4);
        int p = kernel.precisionBits();
        BigDecimal[] ones = {BigDecimal.ONE, BigDecimal.ONE};
        assertEquals(0, kernel.cauchy(new BigDecimal[] {BigDecimal.ONE, BigDecimal.ONE.negate()}, ones, 1).signum());
        // (1 + d)(1 - d) - 1 = -d^2 with d = 2^(1-P): a single bit 2P - 2 places below the terms
        BigDecimal d = binary(BigInteger.ONE, 1 - p);
        BigDecimal[] u = {BigDecimal.ONE.add(d), BigDecimal.ONE.negate()};
        BigDecimal[] v = {BigDecimal.ONE, BigDecimal.ONE.subtract(d)};
        assertEquals(0, kernel.cauchy(u, v, 1).compareTo(d.multiply(d).negate()));
        for (int n = 0; n < 400; n++) {
            int sign = n % 2 == 0 ? 1 : -1;
            BigDecimal x = binary(fullMantissa(r, p), (int) (r.nextDouble() * 200) - 100 - p);
            BigDecimal y = binary(n % 3 == 0 ? BigInteger.TWO.pow(p - 1).add(BigInteger.valueOf(n)) : fullMantissa(r, p),
                    (int) (r.nextDouble() * 200) - 100 - p).multiply(BigDecimal.valueOf(sign));
            BigDecimal rounded = kernel.roundToBinary(x.multiply(y));
            BigDecimal residual = x.multiply(y).subtract(rounded);
            BigDecimal got = kernel.cauchy(new BigDecimal[] {x, rounded.negate()}, new BigDecimal[] {BigDecimal.ONE, y}, 1);
            assertEquals(0, got.compareTo(residual), "x = " + x + ", y = " + y);
        }
    }

    @Test
    void cauchyProductOfTermsSpanningMoreThanTheWindowStaysWithinItsBound() {
        // x y + t and x y - fl(x y) + t with t from P to 8P bits below x y: terms straddling the window's lower
        // edge and terms below it are truncated, by less than 2^(1-3P) of the largest term each; the narrow
        // products in between reuse the accumulator; at 30 digits and at 10 (P = 68: four limbs a coefficient)
        spanBeyondTheWindow(kernel, new SplitMix64(SEED + 5));
        spanBeyondTheWindow(BinaryTaylorKernel.identityProgram(ApfloatArithmetic.digits(10), 8), new SplitMix64(SEED + 6));
    }

    private static void spanBeyondTheWindow(BinaryTaylorKernel kernel, SplitMix64 r) {
        int p = kernel.precisionBits();
        BigDecimal halfUlp = ulpFraction(p);
        BigDecimal truncation = ulpFraction(ACCUMULATOR_BITS_PER_P * p - 1);
        for (int gap = p; gap <= 8 * p; gap += 5) {
            int sign = gap % 2 == 0 ? 1 : -1;
            int e = (int) (r.nextDouble() * 60) - 30 - p;
            BigDecimal x = binary(fullMantissa(r, p), e);
            BigDecimal y = binary(fullMantissa(r, p), -p + 1).multiply(BigDecimal.valueOf(sign));
            BigDecimal t = binary(fullMantissa(r, p), e - gap).multiply(BigDecimal.valueOf(gap % 3 == 0 ? 1 : -1));
            BigDecimal xy = x.multiply(y);
            BigDecimal rounded = kernel.roundToBinary(xy);
            BigDecimal largest = xy.abs();
            // x y + t: u = (x, t, 0), v = (1, 1, y)
            BigDecimal exact = xy.add(t);
            BigDecimal got = kernel.cauchy(new BigDecimal[] {x, t, BigDecimal.ZERO},
                    new BigDecimal[] {BigDecimal.ONE, BigDecimal.ONE, y}, 2);
            BigDecimal bound = exact.abs().multiply(halfUlp).add(largest.multiply(truncation).multiply(BigDecimal.valueOf(3)));
            assertTrue(got.subtract(exact).abs().compareTo(bound) <= 0, "gap " + gap + ": " + got + " vs exact " + exact);
            // a narrow product after the wide one: exact residual
            BigDecimal residual = kernel.cauchy(new BigDecimal[] {x, rounded.negate()}, new BigDecimal[] {BigDecimal.ONE, y}, 1);
            assertEquals(0, residual.compareTo(xy.subtract(rounded)), "gap " + gap);
            // x y - fl(x y) + t: u = (x, t, -fl(x y)), v = (1, 1, y)
            exact = xy.subtract(rounded).add(t);
            got = kernel.cauchy(new BigDecimal[] {x, t, rounded.negate()},
                    new BigDecimal[] {BigDecimal.ONE, BigDecimal.ONE, y}, 2);
            bound = exact.abs().multiply(halfUlp).add(largest.multiply(truncation).multiply(BigDecimal.valueOf(3)));
            assertTrue(got.subtract(exact).abs().compareTo(bound) <= 0, "gap " + gap + ": " + got + " vs exact " + exact);
            if (gap < 2 * p) {
                // everything within 3P bits of the largest term: the exact sum rounded once
                assertEquals(0, got.compareTo(kernel.roundToBinary(exact)), "gap " + gap + ": " + got + " vs exact " + exact);
            }
        }
    }

    @Test
    void binaryKernelAgreesWithTheDecimalSeriesKernelOverSeveralSteps() {
        // a Lotka-Volterra field using every tape operation, x' = x - x y + 1/4, y' = 1.5 x y - y - 2 (-x), z' = -0.7,
        // w' = (x - y)(w + 1/2) (a product of two computed series), in the binary kernel and in apfloat's own
        // arithmetic, advanced three times: the two agree to the digits (at 30 digits, where every limb of a
        // coefficient is in use, and at 20, where the top limb of some coefficients is not)
        agreeOverSeveralSteps(DIGITS);
        agreeOverSeveralSteps(20);
    }

    private static void agreeOverSeveralSteps(int digits) {
        ApfloatArithmetic ap = ApfloatArithmetic.digits(digits);
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(ap);
        TaylorProgram<Apfloat, ApMatrix> program = TaylorProgram.record(tr, 4, v -> {
            Traced x = v.get(0, 0);
            Traced y = v.get(1, 0);
            Traced xy = tr.mul(x, y);
            TracedMatrix g = tr.zeros(4, 1);
            tr.set(g, 0, 0, tr.add(tr.sub(x, xy), tr.parse("0.25")));
            tr.set(g, 1, 0, tr.add(tr.sub(tr.mul(tr.parse("1.5"), xy), y), tr.negate(tr.mul(tr.of(2), tr.negate(x)))));
            tr.set(g, 2, 0, tr.parse("-0.7"));
            tr.set(g, 3, 0, tr.mul(tr.sub(x, y), tr.add(v.get(3, 0), tr.parse("0.5"))));
            return g;
        });
        Apfloat[] x0 = {ap.parse("0.9"), ap.parse("1.3"), ap.parse("-2.1"), ap.parse("0.4")};
        TaylorKernel<Apfloat> binary = program.kernel(20, true, x0);
        TaylorKernel<Apfloat> decimal = program.kernel(20, false, x0);
        assertInstanceOf(BinaryTaylorKernel.class, binary);
        BigDecimal tol = BigDecimal.ONE.scaleByPowerOfTen(4 - (int) ap.precision().workingDigits());
        Apfloat s = ap.parse("0.05");
        for (int step = 0; step < 3; step++) {
            binary.coefficients();
            decimal.coefficients();
            for (int j = 0; j <= 21; j++) {
                for (int i = 0; i < 4; i++) {
                    double m = decimal.magnitude(i, j);
                    assertEquals(m, binary.magnitude(i, j), 1e-14 * m, "step " + step + ", c_" + j + " of input " + i);
                }
            }
            Apfloat[] yb = binary.evaluate(s);
            Apfloat[] yd = decimal.evaluate(s);
            binary.advance(s);
            decimal.advance(s);
            for (int i = 0; i < 4; i++) {
                BigDecimal b = new BigDecimal(binary.state()[i].toString(false));
                BigDecimal dd = new BigDecimal(decimal.state()[i].toString(false));
                assertTrue(b.subtract(dd).abs().compareTo(tol.multiply(dd.abs().max(BigDecimal.ONE))) <= 0,
                        "step " + step + ", input " + i + ": " + b + " vs " + dd);
                assertEquals(0, yb[i].compareTo(binary.state()[i]), "evaluate then advance: the same state");
                assertEquals(0, yd[i].compareTo(decimal.state()[i]));
                assertEquals(b.doubleValue(), binary.stateDoubles()[i], Math.ulp(b.doubleValue()));
            }
        }
    }

    @Test
    void statesFarOutsideTheExactConversionRangeSurviveTheRoundTrip() {
        // binary exponents beyond 2^16 convert through a power of two in apfloat: two roundings, so within two
        // units of the last working digit; zero stays zero
        BigDecimal tol = BigDecimal.valueOf(2).scaleByPowerOfTen(1 - workingDigits.getPrecision());
        for (String x : new String[] {"1.234567890123456789012345678901234567891e30000", "-7.5e-30000",
                "3.3e19800", "0"}) {
            Apfloat in = a.parse(x);
            kernel.load(0, in);
            Apfloat back = kernel.state()[0];
            BigDecimal want = new BigDecimal(x);
            BigDecimal got = new BigDecimal(back.toString(false));
            assertTrue(got.subtract(want).abs().compareTo(want.abs().multiply(tol)) <= 0, x + " came back as " + back);
            assertEquals(want.signum(), got.signum());
        }
        assertEquals(0, kernel.stateDoubles()[0]);
    }

    @Test
    void stickyBitInTheLowestColumnDecidesTheRounding() {
        // x = 2^(P-1) + 1, y = 2^(P-1) + 2^(P-2) + 1: x y = 2^(2P-2) + 2^(2P-3) + 2^P + 2^(P-2) + 1, whose P leading
        // bits are even and followed by a half; only the last bit, in the lowest limb, breaks the tie: round up
        int p = kernel.precisionBits();
        BigInteger x = BigInteger.ONE.shiftLeft(p - 1).add(BigInteger.ONE);
        BigInteger y = BigInteger.ONE.shiftLeft(p - 1).add(BigInteger.ONE.shiftLeft(p - 2)).add(BigInteger.ONE);
        BigInteger q = BigInteger.ONE.shiftLeft(p - 1).add(BigInteger.ONE.shiftLeft(p - 2)).add(BigInteger.valueOf(3));
        for (int e = -60; e <= 60; e++) {
            BigDecimal[] u = {binary(x, e)};
            BigDecimal[] v = {binary(y, 0)};
            BigDecimal want = binary(q, p - 1 + e);
            assertEquals(0, kernel.cauchy(u, v, 0).compareTo(want), "e = " + e);
            assertEquals(0, kernel.roundToBinary(binary(x.multiply(y), e)).compareTo(want), "e = " + e);
        }
    }

    @Test
    void reloadingTheStateRecomputesEveryCoefficient() {
        // x' = x^2 at 20 digits (P = 101 bits, limbs of 27 bits): the series x0^(j+1) for x0 = 6e5 after a run from
        // -3e5, whose coefficients are aligned so that they fill one more limb than those of 6e5
        ApfloatArithmetic ap = ApfloatArithmetic.digits(20);
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(ap);
        TaylorProgram<Apfloat, ApMatrix> square = TaylorProgram.record(tr, 1, v -> tr.hadamard(v, v));
        TaylorKernel<Apfloat> k = square.kernel(5, true, new Apfloat[] {ap.of(-300000)});
        assertInstanceOf(BinaryTaylorKernel.class, k);
        k.coefficients();
        for (long x0 : new long[] {600000, 300000, -600000, 1}) {
            k.load(0, ap.of(x0));
            k.coefficients();
            for (int j = 0; j <= 6; j++) {
                double want = Math.pow(Math.abs(x0), j + 1);
                assertEquals(want, k.magnitude(0, j), 1e-15 * want, "x0 = " + x0 + ", c_" + j);
            }
        }
    }
}

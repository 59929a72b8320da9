package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

class IntervalArithmeticTest {

    private static final IntervalArithmetic A = IntervalArithmetic.digits(20);
    private static final BigDecimal X = new BigDecimal("0.12345678901234567890123456789");
    private static final BigDecimal Y = new BigDecimal("-3.3333333333333333333333333333333");

    /** exact rational p/q membership: lo <= p/q <= hi with q > 0, i.e. lo*q <= p <= hi*q. */
    private static boolean containsQuotient(Interval r, BigDecimal p, BigDecimal q) {
        if (q.signum() < 0) {
            p = p.negate();
            q = q.negate();
        }
        return r.lo().multiply(q).compareTo(p) <= 0 && p.compareTo(r.hi().multiply(q)) <= 0;
    }

    @Test
    void arithmeticOperationsEncloseTheExactResult() {
        Interval x = A.enclose(X);
        Interval y = A.enclose(Y);
        assertTrue(x.contains(X) && x.width().signum() > 0, "rounding a 29-digit decimal to 20 digits widens it");
        BigDecimal xl = x.lo();
        BigDecimal yh = y.hi();
        assertTrue(A.add(x, y).contains(xl.add(yh)));
        assertTrue(A.add(x, y).contains(X.add(Y)));
        assertTrue(A.sub(x, y).contains(X.subtract(Y)));
        assertTrue(A.mul(x, y).contains(X.multiply(Y)));
        assertTrue(containsQuotient(A.div(x, y), X, Y));
        assertTrue(containsQuotient(A.div(A.one(), A.of(3)), BigDecimal.ONE, BigDecimal.valueOf(3)));
        assertTrue(A.negate(y).contains(Y.negate()));
        Interval s = A.sqrt(A.of(2));
        assertTrue(s.lo().multiply(s.lo()).compareTo(BigDecimal.valueOf(2)) <= 0);
        assertTrue(s.hi().multiply(s.hi()).compareTo(BigDecimal.valueOf(2)) >= 0);
    }

    @Test
    void enclosuresAreTight() {
        Interval third = A.div(A.one(), A.of(3));
        assertTrue(third.width().compareTo(new BigDecimal("1e-20")) <= 0, third.toString());
        assertEquals(0, A.add(A.parse("0.1"), A.parse("0.2")).width().signum(), "exact decimal sums stay points");
    }

    @Test
    void transcendentalEnclosuresContainHighPrecisionValues() {
        for (String v : new String[] {"-7.25", "-0.3", "0", "1e-9", "0.5", "2.75", "40"}) {
            Interval e = A.exp(A.parse(v));
            BigDecimal ref = new BigDecimal(ApfloatMath.exp(new Apfloat(v, 60)).toString(true));
            assertTrue(e.contains(ref), "exp(" + v + ") = " + ref + " not in " + e);
            assertTrue(e.width().compareTo(ref.abs().multiply(new BigDecimal("1e-18"))) <= 0, "exp too wide " + e);
        }
        for (String v : new String[] {"0.001", "0.5", "1", "3", "1e6"}) {
            Interval l = A.log(A.parse(v));
            BigDecimal ref = new BigDecimal(ApfloatMath.log(new Apfloat(v, 60)).toString(true));
            assertTrue(l.contains(ref), "log(" + v + ") = " + ref + " not in " + l);
        }
    }

    @Test
    void undecidableComparisonsThrowInsteadOfGuessing() {
        Interval a = A.interval("0.1", "0.3");
        Interval b = A.interval("0.2", "0.4");
        assertThrows(UndecidedComparisonException.class, () -> A.compare(a, b));
        assertThrows(UndecidedComparisonException.class, () -> A.signum(A.interval("-1e-30", "1e-30")));
        assertEquals(-1, A.compare(a, A.interval("0.31", "0.5")));
        assertEquals(0, A.signum(A.zero()));
        assertEquals(0, A.compare(A.parse("0.25"), A.parse("0.25")));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> A.div(A.one(), a.hull(A.negate(a))));
        assertTrue(e.getMessage().contains("containing zero"), e.getMessage());
    }

    @Test
    void matrixProductsEncloseTheExactProduct() {
        IntervalMatrix m = A.fromStrings(2, 2, "0.1", "-0.7", "1.3", "2.9");
        IntervalMatrix v = A.fromStrings(2, 1, X.toPlainString(), Y.toPlainString());
        IntervalMatrix p = A.mult(m, v);
        assertTrue(p.get(0, 0).contains(new BigDecimal("0.1").multiply(X).add(new BigDecimal("-0.7").multiply(Y))));
        assertTrue(p.get(1, 0).contains(new BigDecimal("1.3").multiply(X).add(new BigDecimal("2.9").multiply(Y))));
        Interval n = A.norm(v);
        BigDecimal sq = X.multiply(X).add(Y.multiply(Y));
        assertTrue(n.lo().multiply(n.lo()).compareTo(sq) <= 0 && n.hi().multiply(n.hi()).compareTo(sq) >= 0);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> A.parse("zero"));
        assertTrue(e.getMessage().contains("'zero'"));
        assertThrows(IllegalArgumentException.class, () -> IntervalArithmetic.digits(3));
        assertThrows(IllegalArgumentException.class, () -> new Interval(BigDecimal.ONE, BigDecimal.ZERO));
        assertTrue(new MathContext(20, RoundingMode.FLOOR).equals(A.down()));
    }

    private static Interval iv(String lo, String hi) {
        return new Interval(new BigDecimal(lo), new BigDecimal(hi));
    }

    /** Equal end points as numbers (the scale of a BigDecimal is not part of an interval's value). */
    private static void assertInterval(String lo, String hi, Interval actual) {
        assertTrue(new BigDecimal(lo).compareTo(actual.lo()) == 0 && new BigDecimal(hi).compareTo(actual.hi()) == 0,
                "expected [" + lo + ", " + hi + "], got " + actual);
    }

    private static void assertEntries(IntervalMatrix m, int rows, int cols, String... loHi) {
        assertEquals(rows, m.rows());
        assertEquals(cols, m.cols());
        for (int k = 0; k < rows * cols; k++) {
            assertInterval(loHi[2 * k], loHi[2 * k + 1], m.get(k / cols, k % cols));
        }
    }

    @Test
    void theSmallestPrecisionIsAcceptedAndDescribesItself() {
        IntervalArithmetic ten = IntervalArithmetic.digits(IntervalArithmetic.MIN_DIGITS);
        assertEquals(10, ten.digitCount());
        assertEquals("interval(10)", ten.name());
        assertEquals(new MathContext(10, RoundingMode.CEILING), ten.up());
        assertEquals(new MathContext(10, RoundingMode.FLOOR), ten.down());
        assertEquals(1e-9, ten.epsilon(), 1e-24);
        assertEquals(1e-19, A.epsilon(), 1e-34);
        String e = assertThrows(IllegalArgumentException.class, () -> IntervalArithmetic.digits(9)).getMessage();
        assertEquals("digits must be >= 10, got 9", e);
        // 1/3 at ten digits: [0.3333333333, 0.3333333334]
        assertInterval("0.3333333333", "0.3333333334", ten.div(ten.one(), ten.of(3)));
    }

    @Test
    void scalarsAreEnclosedAndPrintedWithTheirEndPoints() {
        assertInterval("0.375", "0.375", A.exact(0.375));
        Interval tenth = A.exact(0.1);
        BigDecimal binary = new BigDecimal(0.1);
        assertTrue(tenth.contains(binary) && tenth.width().signum() > 0, tenth.toString());
        assertInterval("-7", "-7", A.of(-7));
        assertEquals(A.zero(), A.of(0));
        assertEquals(A.one(), A.of(1));
        assertInterval("2", "2", A.of(2));
        assertInterval("-0.25", "0.25", A.symmetric(new BigDecimal("0.25")));
        assertEquals("radius must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> A.symmetric(BigDecimal.ONE.negate())).getMessage());
        assertEquals(1.5, A.toDouble(iv("1", "2")));
        assertEquals(-0.125, A.toDouble(iv("-0.25", "0")));
        assertEquals("[1, 2.5]", A.toString(iv("1", "2.5")));
        assertThrows(IllegalArgumentException.class, () -> A.exact(Double.POSITIVE_INFINITY));
    }

    @Test
    void signsAndComparisonsAreDecidedWhenTheEnclosuresAllow() {
        assertEquals(1, A.signum(iv("1e-30", "2")));
        assertEquals(-1, A.signum(iv("-2", "-1e-30")));
        assertThrows(UndecidedComparisonException.class, () -> A.signum(iv("0", "1")));
        assertThrows(UndecidedComparisonException.class, () -> A.signum(iv("-1", "0")));
        assertEquals(1, A.compare(iv("2", "3"), iv("1", "1.999")));
        assertEquals(-1, A.compare(iv("1", "1.999"), iv("2", "3")));
        assertThrows(UndecidedComparisonException.class, () -> A.compare(iv("1", "2"), iv("2", "3")),
                "touching end points overlap");
        assertThrows(UndecidedComparisonException.class, () -> A.compare(iv("2", "2"), iv("1", "3")));
        assertThrows(UndecidedComparisonException.class, () -> A.compare(iv("1", "3"), iv("2", "2")));
    }

    @Test
    void productsAndQuotientsTakeTheExtremesOfTheEndPoints() {
        assertInterval("-2", "6", A.mul(iv("1", "2"), iv("-1", "3")));
        assertInterval("-6", "2", A.mul(iv("-2", "-1"), iv("-1", "3")));
        // both straddle zero: the lower end is lo*hi, the upper hi*hi
        assertInterval("-8", "12", A.mul(iv("-2", "3"), iv("-1", "4")));
        assertInterval("-12", "8", A.mul(iv("-3", "2"), iv("-1", "4")));
        assertInterval("0.125", "0.5", A.div(iv("1", "2"), iv("4", "8")));
        assertInterval("-0.5", "-0.125", A.div(iv("1", "2"), iv("-8", "-4")));
        assertInterval("-0.25", "0.5", A.div(iv("-1", "2"), iv("4", "8")));
        assertInterval("-2.5", "1", A.sub(iv("-1", "2"), iv("1", "1.5")));
        assertInterval("0", "3.5", A.add(iv("-1", "2"), iv("1", "1.5")));
        for (Interval zeroEnd : new Interval[] {iv("0", "2"), iv("-2", "0"), iv("0", "0")}) {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> A.div(A.one(), zeroEnd));
            assertEquals("division by an interval containing zero: " + zeroEnd, e.getMessage());
        }
    }

    @Test
    void squareRootsAndAbsoluteValuesOfEndPointCases() {
        assertInterval("0", "0", A.sqrt(A.zero()));
        assertInterval("2", "2", A.sqrt(A.of(4))); // an exact square root is a point
        assertInterval("1.5", "3", A.sqrt(iv("2.25", "9")));
        Interval two = A.sqrt(iv("2", "2"));
        BigDecimal ulp = new BigDecimal("1e-19");
        assertTrue(two.lo().multiply(two.lo()).compareTo(BigDecimal.valueOf(2)) < 0
                && two.lo().add(ulp).pow(2).compareTo(BigDecimal.valueOf(2)) > 0, "lower end is the 20-digit floor " + two);
        assertTrue(two.hi().multiply(two.hi()).compareTo(BigDecimal.valueOf(2)) > 0
                && two.hi().subtract(ulp).pow(2).compareTo(BigDecimal.valueOf(2)) < 0, "upper end is the 20-digit ceiling " + two);
        ArithmeticException neg = assertThrows(ArithmeticException.class, () -> A.sqrt(iv("-2", "-1")));
        assertEquals(ArithmeticException.class, neg.getClass(), "a negative interval is an error, not undecided");
        assertEquals("square root of a negative interval [-2, -1] (width 1)", neg.getMessage());
        assertThrows(UndecidedComparisonException.class, () -> A.sqrt(iv("-1", "0")));
        assertThrows(UndecidedComparisonException.class, () -> A.sqrt(iv("-1", "4")));

        assertInterval("1", "3", A.abs(iv("-3", "-1")));
        assertInterval("1", "3", A.abs(iv("1", "3")));
        assertInterval("0", "3", A.abs(iv("-3", "2")));
        assertInterval("0", "5", A.abs(iv("-2", "5")));
        assertInterval("0", "2", A.abs(iv("-2", "0")));
        assertInterval("0", "2", A.abs(iv("0", "2")));
    }

    @Test
    void logarithmsOfIntervalsTouchingZeroAreRefusedOrUndecided() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> A.log(iv("-1", "0")));
        assertEquals(ArithmeticException.class, e.getClass(), "a non-positive interval is an error, not undecided");
        assertEquals("logarithm of a non-positive interval [-1, 0] (width 1)", e.getMessage());
        assertThrows(UndecidedComparisonException.class, () -> A.log(iv("0", "1")));
        assertThrows(UndecidedComparisonException.class, () -> A.log(iv("-1", "1")));
    }

    @Test
    void transcendentalEnclosuresStayTightForLargeArgumentsAndLogarithms() {
        // exp(+-1000) is reached by eleven squarings of exp(y / 2048): the guard digits grow with them
        for (String v : new String[] {"1000", "-1000", "0.5", "-0.5"}) {
            Interval e = A.exp(A.parse(v));
            BigDecimal ref = new BigDecimal(ApfloatMath.exp(new Apfloat(v, 60)).toString(true));
            assertTrue(e.contains(ref), "exp(" + v + ") = " + ref + " not in " + e);
            assertTrue(e.width().compareTo(ref.abs().multiply(new BigDecimal("1e-18"))) <= 0, "exp too wide " + e);
        }
        // a verified logarithm is as tight as its 20 digits: within 1e-18 relative (2 units of the 20th digit)
        for (String v : new String[] {"0.001", "0.5", "1", "3", "1e6", "7.5e-40"}) {
            Interval l = A.log(A.parse(v));
            BigDecimal ref = new BigDecimal(ApfloatMath.log(new Apfloat(v, 60)).toString(true));
            assertTrue(l.contains(ref), "log(" + v + ") = " + ref + " not in " + l);
            BigDecimal scale = ref.abs().max(BigDecimal.ONE);
            assertTrue(l.width().compareTo(scale.multiply(new BigDecimal("1e-18"))) <= 0, "log too wide " + l);
        }
        Interval range = A.log(iv("1", "3"));
        assertTrue(range.lo().signum() <= 0 && range.lo().compareTo(new BigDecimal("-1e-20")) > 0, range.toString());
        assertEquals(A.log(A.of(3)).hi(), range.hi(), "the upper end is that of log 3");
    }

    @Test
    void matrixOperationsOnNonSquareIntervalMatricesAreExactOnDecimals() {
        IntervalMatrix a = A.fromStrings(2, 3, "1", "2", "3", "4", "5", "6");
        IntervalMatrix b = A.fromStrings(3, 2, "0.5", "-1", "2", "0", "-3", "1.5");
        // a b = [1*0.5 + 2*2 - 3*3, -1 + 0 + 4.5; 2 + 10 - 18, -4 + 0 + 9]
        assertEntries(A.mult(a, b), 2, 2, "-4.5", "-4.5", "3.5", "3.5", "-6", "-6", "5", "5");
        assertEntries(A.transpose(a), 3, 2, "1", "1", "4", "4", "2", "2", "5", "5", "3", "3", "6", "6");
        // a' a (3x3) and a b' is undefined: a b'' = a (b')'
        assertEntries(A.multTransA(a, a), 3, 3, "17", "17", "22", "22", "27", "27", "22", "22", "29", "29",
                "36", "36", "27", "27", "36", "36", "45", "45");
        assertEntries(A.multTransB(b, b), 3, 3, "1.25", "1.25", "1", "1", "-3", "-3", "1", "1", "4", "4",
                "-6", "-6", "-3", "-3", "-6", "-6", "11.25", "11.25");
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, A.toDoubles(a));
        IntervalMatrix fromDoubles = A.fromDoubles(2, 3, 1, 2, 3, 4, 5, 6.5);
        assertEntries(fromDoubles, 2, 3, "1", "1", "2", "2", "3", "3", "4", "4", "5", "5", "6.5", "6.5");
        String mismatch = assertThrows(IllegalArgumentException.class, () -> A.mult(a, a)).getMessage();
        assertEquals("dimension mismatch (a.cols vs b.rows): 3 vs 2", mismatch);
        assertThrows(IllegalArgumentException.class, () -> A.fromStrings(2, 2, "1", "2", "3"));
        assertThrows(IllegalArgumentException.class, () -> A.fromDoubles(1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> A.zeros(0, 1));
        assertThrows(IllegalArgumentException.class, () -> A.zeros(1, 0));
        IntervalMatrix z = A.zeros(2, 3);
        assertEntries(z, 2, 3, "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0");
        A.set(z, 1, 2, iv("-1", "1"));
        A.set(z, 0, 1, iv("2", "2"));
        assertEntries(z, 2, 3, "0", "0", "2", "2", "0", "0", "0", "0", "0", "0", "-1", "1");
        assertEquals(iv("-1", "1"), A.get(z, 1, 2));
        assertEquals("entry must not be null",
                assertThrows(IllegalArgumentException.class, () -> A.set(z, 0, 0, null)).getMessage());
        assertTrue(A.isFinite(z));
    }

    @Test
    void entryWiseOperationsWidenByTheEndPointProducts() {
        IntervalMatrix a = A.zeros(1, 2);
        A.set(a, 0, 0, iv("1", "2"));
        A.set(a, 0, 1, iv("-1", "0.5"));
        IntervalMatrix b = A.fromStrings(1, 2, "3", "-2");
        assertEntries(A.plus(a, b), 1, 2, "4", "5", "-3", "-1.5");
        assertEntries(A.minus(a, b), 1, 2, "-2", "-1", "1", "2.5");
        assertEntries(A.hadamard(a, b), 1, 2, "3", "6", "-1", "2");
        assertEntries(A.scale(iv("-1", "2"), a), 1, 2, "-2", "4", "-2", "1");
        // a + s b with s = [1, 2]: b's products [3, 6] and [-4, -2]
        IntervalMatrix copy = A.copy(a);
        assertEntries(A.addScaled(a, iv("1", "2"), b), 1, 2, "4", "8", "-5", "-1.5");
        assertEntries(a, 1, 2, "1", "2", "-1", "0.5");
        assertSame(copy, A.addInPlace(copy, iv("1", "2"), b));
        assertEntries(copy, 1, 2, "4", "8", "-5", "-1.5");
        // a . b = [3, 6] + [-1, 2]
        assertInterval("2", "8", A.dot(a, b));
        assertEntries(A.hull(a, b), 1, 2, "1", "3", "-2", "0.5");
        assertEquals(0, new BigDecimal("1.5").compareTo(A.maxWidth(a)));
        assertEquals(0, A.maxWidth(b).signum());
        IntervalMatrix col = A.zeros(2, 1);
        for (java.util.function.Supplier<?> bad : java.util.List.<java.util.function.Supplier<?>>of(
                () -> A.plus(a, col), () -> A.minus(a, col), () -> A.hadamard(a, col), () -> A.dot(a, col),
                () -> A.hull(a, col), () -> A.addInPlace(a, A.one(), col), () -> A.addScaled(a, A.one(), col))) {
            assertEquals("shape mismatch: 1x2 vs 2x1", assertThrows(IllegalArgumentException.class, bad::get).getMessage());
        }
        IntervalMatrix tall = A.zeros(1, 1);
        assertEquals("shape mismatch: 1x2 vs 1x1",
                assertThrows(IllegalArgumentException.class, () -> A.plus(a, tall)).getMessage());
    }

    @Test
    void theNormBoundsEachSquareBelowByTheDistanceOfItsEntryFromZero() {
        // entries [1, 2], [-4, -3], [-1, 5]: squares in [1, 4], [9, 16], [0, 25]; the sum in [10, 45]
        IntervalMatrix v = A.zeros(3, 1);
        A.set(v, 0, 0, iv("1", "2"));
        A.set(v, 1, 0, iv("-4", "-3"));
        A.set(v, 2, 0, iv("-1", "5"));
        Interval n = A.norm(v);
        BigDecimal ulp = new BigDecimal("1e-19");
        assertTrue(n.lo().pow(2).compareTo(BigDecimal.TEN) <= 0 && n.lo().add(ulp).pow(2).compareTo(BigDecimal.TEN) > 0,
                "lower end is sqrt(10) rounded down " + n);
        BigDecimal fortyFive = BigDecimal.valueOf(45);
        assertTrue(n.hi().pow(2).compareTo(fortyFive) >= 0 && n.hi().subtract(ulp).pow(2).compareTo(fortyFive) < 0,
                "upper end is sqrt(45) rounded up " + n);
        assertInterval("5", "5", A.norm(A.fromStrings(2, 1, "-3", "4")));
    }

    @Test
    void blocksAreUnpackedAndPackedAtTheirOffsets() {
        IntervalMatrix v = A.fromStrings(5, 1, "1", "2", "3", "4", "5");
        IntervalMatrix block = A.unpack(v, 1, 2, 2);
        assertEntries(block, 2, 2, "2", "2", "3", "3", "4", "4", "5", "5");
        IntervalMatrix target = A.zeros(5, 1);
        A.pack(A.fromStrings(1, 2, "7", "8"), target, 3);
        assertEntries(target, 5, 1, "0", "0", "0", "0", "0", "0", "7", "7", "8", "8");
        assertEquals("block [3, 7) outside vector of length 5",
                assertThrows(IllegalArgumentException.class, () -> A.unpack(v, 3, 2, 2)).getMessage());
        assertEquals("block [4, 6) outside vector of length 5",
                assertThrows(IllegalArgumentException.class, () -> A.pack(A.zeros(2, 1), target, 4)).getMessage());
    }
}

package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scalar and matrix operations of both arithmetics against values computed by hand (small
 * integers and dyadic rationals, exact in both), and the bad-input contract: every shape, size,
 * block and domain violation is an exception naming the value, never a silent wrong result.
 */
class ArithmeticContractTest {

    /** exp(1) and log(2) in double: correctly rounded to within one ulp of 1 (Math.exp, Math.log). */
    private static final double ULP_TOLERANCE = 1e-15;

    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(30);
    private static final DoubleArithmetic DB = DoubleArithmetic.INSTANCE;

    private static <S, M> void scalars(Arithmetic<S, M> a) {
        S three = a.of(3);
        S half = a.ratio(1, 2);
        assertEquals(3.5, a.toDouble(a.add(three, half)));
        assertEquals(2.5, a.toDouble(a.sub(three, half)));
        assertEquals(1.5, a.toDouble(a.mul(three, half)));
        assertEquals(6.0, a.toDouble(a.div(three, half)));
        assertEquals(-3.0, a.toDouble(a.negate(three)));
        assertEquals(3.0, a.toDouble(a.abs(a.negate(three))));
        assertEquals(0.5, a.toDouble(a.abs(half)));
        assertEquals(0.0, a.toDouble(a.abs(a.zero())));
        assertEquals(1.5, a.toDouble(a.sqrt(a.ratio(9, 4))));
        assertEquals(0.0, a.toDouble(a.sqrt(a.zero())));
        assertEquals(Math.E, a.toDouble(a.exp(a.one())), ULP_TOLERANCE);
        assertEquals(Math.log(2), a.toDouble(a.log(a.of(2))), ULP_TOLERANCE);
        assertEquals(0.0, a.toDouble(a.log(a.one())));
        assertEquals(1, a.signum(three));
        assertEquals(-1, a.signum(a.negate(half)));
        assertEquals(0, a.signum(a.zero()));
        assertTrue(a.compare(half, three) < 0);
        assertTrue(a.compare(three, half) > 0);
        assertEquals(0, a.compare(three, a.of(3)));
        assertEquals(0.375, a.toDouble(a.exact(0.375)));
        assertEquals(0.0, a.toDouble(a.exact(0.0)));
        assertEquals(0.25, a.toDouble(a.parse(" 0.25 ")));
        assertEquals(0.25, Double.parseDouble(a.toString(a.parse("0.25"))));
        assertFalse(a.name().isEmpty());
    }

    private static <S, M> void domainErrors(Arithmetic<S, M> a) {
        ArithmeticException div = assertThrows(ArithmeticException.class, () -> a.div(a.one(), a.zero()));
        assertTrue(div.getMessage().contains("division by zero"));
        assertTrue(assertThrows(ArithmeticException.class, () -> a.sqrt(a.of(-4))).getMessage().contains("-4"));
        assertTrue(assertThrows(ArithmeticException.class, () -> a.log(a.zero())).getMessage().contains("non-positive"));
        assertThrows(ArithmeticException.class, () -> a.log(a.of(-1)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.exact(Double.NaN)).getMessage().contains("NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.parse("1,5")).getMessage().contains("'1,5'"));
    }

    private static <S, M> void matrices(Arithmetic<S, M> a) {
        M x = a.fromDoubles(2, 2, 1, 2, 3, 4);
        M y = a.fromStrings(2, 2, "0.5", "-1", "2", "0");
        assertEquals(2, a.rows(a.zeros(2, 3)));
        assertEquals(3, a.cols(a.zeros(2, 3)));
        assertArrayEquals(new double[] {1.5, 1, 5, 4}, a.toDoubles(a.plus(x, y)));
        assertArrayEquals(new double[] {0.5, 3, 1, 4}, a.toDoubles(a.minus(x, y)));
        assertArrayEquals(new double[] {0.5, -2, 6, 0}, a.toDoubles(a.hadamard(x, y)));
        assertArrayEquals(new double[] {2, 0, 7, 4}, a.toDoubles(a.addScaled(x, a.of(2), y)));
        assertEquals(0.5 - 2 + 6, a.toDouble(a.dot(x, y)));
        assertEquals(Math.sqrt(30), a.toDouble(a.norm(x)), ULP_TOLERANCE);
        assertArrayEquals(new double[] {4.5, -1, 9.5, -3}, a.toDoubles(a.mult(x, y)));
        assertArrayEquals(new double[] {6.5, -1, 9, -2}, a.toDoubles(a.multTransA(x, y)));
        assertArrayEquals(new double[] {-1.5, 2, -2.5, 6}, a.toDoubles(a.multTransB(x, y)));
        M sum = a.copy(x);
        assertSame(sum, a.addInPlace(sum, a.ratio(-1, 2), y));
        assertArrayEquals(new double[] {0.75, 2.5, 2, 4}, a.toDoubles(sum));
        assertArrayEquals(new double[] {1, 2, 3, 4}, a.toDoubles(x), "addInPlace modifies only its first argument");
        assertTrue(a.isFinite(x));
        assertArrayEquals(new double[] {2, 3}, a.toDoubles(a.unpack(a.vector(1, 2, 3, 4), 1, 2, 1)));
        M rowBlock = a.unpack(a.vector(1, 2, 3, 4), 2, 1, 2);
        assertEquals(2, a.cols(rowBlock));
        assertArrayEquals(new double[] {3, 4}, a.toDoubles(rowBlock));
        M v = a.concat(List.of(a.vector(7), x));
        assertArrayEquals(new double[] {7, 1, 2, 3, 4}, a.toDoubles(v));
        assertEquals(5, a.rows(v));
        assertArrayEquals(new double[] {7, 1, 2, 3, 4}, a.toDoubles(a.concat(List.of(a.vector(7, 1), a.fromDoubles(1, 3, 2, 3, 4)))));
        assertArrayEquals(new double[] {7, 1, 2, 3, 4}, a.toDoubles(a.concat(List.of(a.fromDoubles(1, 2, 7, 1), a.vector(2, 3, 4)))));
    }

    private static <S, M> void destinationPassing(Arithmetic<S, M> a) {
        M x = a.fromDoubles(2, 2, 1, 2, 3, 4);
        M y = a.fromDoubles(2, 2, 0.5, -1, 2, 0);
        M out = a.zeros(2, 2);
        assertSame(out, a.multTransAInto(x, y, out));
        assertArrayEquals(a.toDoubles(a.multTransA(x, y)), a.toDoubles(out));
        assertSame(out, a.multTransBInto(x, y, out));
        assertArrayEquals(a.toDoubles(a.multTransB(x, y)), a.toDoubles(out));
        assertSame(out, a.scaleInto(a.of(-2), x, out));
        assertArrayEquals(new double[] {-2, -4, -6, -8}, a.toDoubles(out));
        assertSame(out, a.scaleBySignInto(x, y, a.of(10), a.one(), out));
        assertArrayEquals(new double[] {10, 2, 30, 4}, a.toDoubles(out));
        M row = a.fromDoubles(1, 2, 100, 200);
        assertSame(out, a.multPlusRowInto(x, y, row, out));
        assertArrayEquals(new double[] {104.5, 199, 109.5, 197}, a.toDoubles(out));
    }

    private static <S, M> void shapeErrors(Arithmetic<S, M> a) {
        M x = a.fromDoubles(2, 2, 1, 2, 3, 4);
        M col = a.vector(1, 2);
        M wide = a.fromDoubles(1, 2, 1, 2);
        M out = a.zeros(2, 2);
        M small = a.zeros(1, 1);
        assertThrows(IllegalArgumentException.class, () -> a.plus(x, col));
        assertThrows(IllegalArgumentException.class, () -> a.minus(x, col));
        assertThrows(IllegalArgumentException.class, () -> a.hadamard(x, col));
        assertThrows(IllegalArgumentException.class, () -> a.addInPlace(x, a.one(), col));
        assertThrows(IllegalArgumentException.class, () -> a.dot(col, wide));
        assertThrows(IllegalArgumentException.class, () -> a.mult(col, x));
        assertThrows(IllegalArgumentException.class, () -> a.multTransA(wide, x));
        assertThrows(IllegalArgumentException.class, () -> a.multTransB(col, x));
        assertThrows(IllegalArgumentException.class, () -> a.multTransAInto(wide, x, out));
        assertThrows(IllegalArgumentException.class, () -> a.multTransAInto(x, x, small));
        assertThrows(IllegalArgumentException.class, () -> a.multTransBInto(col, x, out));
        assertThrows(IllegalArgumentException.class, () -> a.multTransBInto(x, x, small));
        assertThrows(IllegalArgumentException.class, () -> a.multPlusRowInto(col, x, wide, out));
        assertThrows(IllegalArgumentException.class, () -> a.multPlusRowInto(x, x, a.vector(1, 2, 3), out));
        assertThrows(IllegalArgumentException.class, () -> a.multPlusRowInto(x, x, wide, small));
        assertThrows(IllegalArgumentException.class, () -> a.scaleInto(a.one(), x, small));
        assertThrows(IllegalArgumentException.class, () -> a.scaleBySignInto(x, col, a.one(), a.one(), out));
        assertThrows(IllegalArgumentException.class, () -> a.scaleBySignInto(x, x, a.one(), a.one(), small));
        String size = assertThrows(IllegalArgumentException.class, () -> a.fromDoubles(2, 2, 1, 2, 3)).getMessage();
        assertTrue(size.contains("length 3, expected 4"), size);
        assertThrows(IllegalArgumentException.class, () -> a.fromStrings(1, 2, "1"));
        String block = assertThrows(IllegalArgumentException.class, () -> a.unpack(a.vector(1, 2, 3), 2, 2, 1)).getMessage();
        assertTrue(block.contains("block [2, 4) outside vector of length 3"), block);
        String row = assertThrows(IllegalArgumentException.class, () -> a.unpack(a.vector(1, 2, 3), 2, 1, 2)).getMessage();
        assertTrue(row.contains("block [2, 4) outside vector of length 3"), row);
        assertThrows(IllegalArgumentException.class, () -> a.pack(col, a.vector(1, 2, 3), 2));
        assertThrows(IllegalArgumentException.class, () -> a.pack(col, a.vector(1, 2, 3), -1));
    }

    @Test
    void scalarOperationsGiveTheHandComputedValuesInDouble() {
        scalars(DB);
        assertEquals(Math.ulp(1.0) / 2, DB.epsilon());
    }

    @Test
    void scalarOperationsGiveTheHandComputedValuesInApfloat() {
        scalars(AP);
        // working digits 30 + 10 guard: a unit in the 40th significant digit
        assertEquals(1e-39, AP.epsilon(), 1e-54);
        assertEquals(Math.E, AP.toDouble(AP.exp(AP.one())), ULP_TOLERANCE);
    }

    @Test
    void domainErrorsNameTheOffendingValueInBothArithmetics() {
        domainErrors(DB);
        domainErrors(AP);
    }

    @Test
    void matrixOperationsGiveTheHandComputedValuesInBothArithmetics() {
        matrices(DB);
        matrices(AP);
    }

    @Test
    void matrixOperationsGiveTheHandComputedValuesAsPointIntervals() {
        IntervalArithmetic ia = IntervalArithmetic.digits(20);
        matrices(ia);
        destinationPassing(ia);
    }

    @Test
    void destinationPassingVariantsWriteTheResultIntoOutInBothArithmetics() {
        destinationPassing(DB);
        destinationPassing(AP);
    }

    @Test
    void shapeSizeAndBlockViolationsAreRefusedInBothArithmetics() {
        shapeErrors(DB);
        shapeErrors(AP);
    }

    @Test
    void isFiniteSeesEveryNonFiniteEntry() {
        org.ejml.data.DMatrixRMaj m = DB.fromDoubles(1, 3, 1, 2, 3);
        assertTrue(DB.isFinite(m));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int k = 0; k < 3; k++) {
                org.ejml.data.DMatrixRMaj c = m.copy();
                c.set(0, k, bad);
                assertFalse(DB.isFinite(c), "entry " + k + " = " + bad);
            }
        }
    }

    @Test
    void theBlasOfAnArithmeticIsTheOneItWasGiven() {
        dev.ludovic.netlib.blas.BLAS java = dev.ludovic.netlib.blas.JavaBLAS.getInstance();
        assertSame(java, DoubleArithmetic.withBlas(java).blas());
        assertArrayEquals(new double[] {7, 10, 15, 22},
                DoubleArithmetic.withBlas(java).toDoubles(DoubleArithmetic.withBlas(java).mult(
                        DB.fromDoubles(2, 2, 1, 2, 3, 4), DB.fromDoubles(2, 2, 1, 2, 3, 4))));
    }

    @Test
    void checksReturnTheirArgumentAndRefuseTheBoundary() {
        assertEquals(2.5, Checks.finite("x", 2.5));
        assertEquals(1e-300, Checks.positive("x", 1e-300));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checks.positive("eta", 0)).getMessage()
                .contains("eta must be positive and finite, got 0.0"));
        assertThrows(IllegalArgumentException.class, () -> Checks.positive("eta", Double.POSITIVE_INFINITY));
        assertEquals(1, Checks.dimension("d", 1));
        assertThrows(IllegalArgumentException.class, () -> Checks.dimension("d", 0));
        assertEquals(5, Checks.atLeast("n", 5, 5));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checks.atLeast("n", 4, 5)).getMessage()
                .contains("n must be >= 5, got 4"));
        Checks.block(1, 2, 3);
        Checks.block(0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> Checks.block(0, -1, 3));
    }

    @Test
    void precisionAcceptsItsMinimaAndRefusesBelowThem() {
        assertEquals(Precision.MIN_DIGITS, new Precision(Precision.MIN_DIGITS, 0).digits());
        assertEquals(0, new Precision(Precision.MIN_DIGITS, 0).guardDigits());
        assertThrows(IllegalArgumentException.class, () -> new Precision(Precision.MIN_DIGITS - 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Precision(20, -1));
        Precision p = Precision.digits(20);
        assertEquals(25, p.withGuardDigits(5).workingDigits());
        assertEquals(1e-20, p.resolution(), 1e-35);
        assertSame(p, p.requireResolves(1e-20));
        assertSame(p, p.requireResolves(1e-3));
        String low = assertThrows(IllegalArgumentException.class, () -> p.requireResolves(1e-25)).getMessage();
        assertTrue(low.contains("too low for tolerance 1.0E-25 (needs at least 25 digits)"), low);
    }

    @Test
    void matrixPowerZeroIsTheIdentity() {
        assertArrayEquals(new double[] {1, 0, 0, 1}, DB.toDoubles(MatrixPower.power(DB, DB.fromDoubles(2, 2, 1, 2, 3, 4), 0)));
        assertThrows(IllegalArgumentException.class, () -> MatrixPower.power(DB, DB.fromDoubles(2, 2, 1, 2, 3, 4), -1));
    }

    @Test
    void splitMixDoublesAreUniformOnTheUnitInterval() {
        SplitMix64 r = new SplitMix64(1);
        double sum = 0;
        int n = 4096;
        for (int k = 0; k < n; k++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1, "u = " + u);
            sum += u;
        }
        // mean of n uniforms: 1/2 with standard deviation 1/sqrt(12 n) = 0.0045; 5 sigma
        assertEquals(0.5, sum / n, 0.0226);
    }

    @Test
    void apfloatEntriesOutsideTheMatrixAreRefusedWithTheIndex() {
        ApMatrix m = AP.fromDoubles(2, 3, 1, 2, 3, 4, 5, 6);
        assertEquals(6.0, AP.toDouble(AP.get(m, 1, 2)));
        int[][] outside = {{2, 0}, {0, 3}, {-1, 0}, {0, -1}};
        for (int[] ij : outside) {
            String message = assertThrows(IndexOutOfBoundsException.class, () -> AP.get(m, ij[0], ij[1])).getMessage();
            assertEquals("entry (" + ij[0] + ", " + ij[1] + ") outside 2x3", message);
        }
    }

    @Test
    void anApMatrixPrintsItsShapeAndRows() {
        ApMatrix m = AP.fromDoubles(2, 2, 1, 2, 3, 4);
        assertEquals(2, m.rows());
        assertEquals(2, m.cols());
        assertEquals("ApMatrix 2x2 [1, 2; 3, 4]", m.toString());
    }
}

package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ArithmeticTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    private static final ApfloatArithmetic A = ApfloatArithmetic.digits(40);

    @Test
    void matrixProductsAgreeAcrossArithmetics() {
        double[] a = {1, -0.5, 0.25, 2, 3.5, -1.25};
        double[] b = {0.5, 1, -2, 0.75, 1.5, -0.125};
        DMatrixRMaj da = D.fromDoubles(2, 3, a);
        DMatrixRMaj db = D.fromDoubles(3, 2, b);
        ApMatrix aa = A.fromDoubles(2, 3, a);
        ApMatrix ab = A.fromDoubles(3, 2, b);
        assertArrayEquals(D.toDoubles(D.mult(da, db)), A.toDoubles(A.mult(aa, ab)));
        assertArrayEquals(D.toDoubles(D.multTransA(da, D.transpose(db))), A.toDoubles(A.multTransA(aa, A.transpose(ab))));
        assertArrayEquals(D.toDoubles(D.multTransB(da, D.transpose(db))), A.toDoubles(A.multTransB(aa, A.transpose(ab))));
        assertEquals(D.dot(da, da), A.toDouble(A.dot(aa, aa)), 0.0);
    }

    /** Softmax gradient in double against 40 digits: a few roundings of 1.1e-16 on O(1) entries. */
    private static final double SOFTMAX_TOLERANCE = 1e-15;

    @Test
    void softmaxCrossEntropyGradientAgreesAcrossArithmeticsAndRowsSumToZero() {
        double[] f = {2.5, -1, 0.25, 700, 699, -3, 0, 0, 0};
        double[] y = {0, 1, 0, 1, 0, 0, 0.25, 0.5, 0.25};
        DMatrixRMaj dg = D.softmaxCrossEntropyGradientInto(D.fromDoubles(3, 3, f), D.fromDoubles(3, 3, y),
                0.5, D.zeros(3, 3));
        ApMatrix ag = A.softmaxCrossEntropyGradientInto(A.fromDoubles(3, 3, f), A.fromDoubles(3, 3, y),
                A.exact(0.5), A.zeros(3, 3));
        double[] expected = A.toDoubles(ag);
        for (int k = 0; k < 9; k++) {
            assertEquals(expected[k], dg.data[k], SOFTMAX_TOLERANCE, "entry " + k);
        }
        for (int i = 0; i < 3; i++) {
            // each row of Y sums to 1, so each gradient row sums to 0
            assertEquals(0.0, dg.get(i, 0) + dg.get(i, 1) + dg.get(i, 2), SOFTMAX_TOLERANCE, "row " + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> D.softmaxCrossEntropyGradientInto(D.zeros(2, 3), D.zeros(2, 3), 1.0, D.zeros(3, 2)));
        assertTrue(e.getMessage().contains("3x2"), e.getMessage());
        assertEquals("shape mismatch: 2x3 vs 3x2", assertThrows(IllegalArgumentException.class,
                () -> D.softmaxCrossEntropyGradientInto(D.zeros(2, 3), D.zeros(3, 2), 1.0, D.zeros(2, 3))).getMessage());
    }

    @Test
    void theDoubleSoftmaxGradientShiftsByTheRowMaximumWhereverItIs() {
        // exp(800) overflows a double: only the shift by the row maximum (here last) keeps the row finite
        double[] f = {-3, 699, 800};
        double[] y = {0, 1, 0};
        DMatrixRMaj dg = D.softmaxCrossEntropyGradientInto(D.fromDoubles(1, 3, f), D.fromDoubles(1, 3, y), 1.0,
                D.zeros(1, 3));
        // p = softmax(f) = (e^-803, e^-101, 1) / (1 + e^-101 + e^-803): gradient p - y
        double p1 = Math.exp(-101) / (1 + Math.exp(-101));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, p1 - 1, 1 - p1}, dg.data, 1e-15);
    }

    @Test
    void theDefaultSoftmaxGradientRefusesEveryMismatchedShapeNamingThemAll() {
        ApMatrix f = A.zeros(2, 3);
        ApMatrix[][] cases = {{A.zeros(3, 3), A.zeros(2, 3)}, {A.zeros(2, 2), A.zeros(2, 3)},
            {A.zeros(2, 3), A.zeros(1, 3)}, {A.zeros(2, 3), A.zeros(2, 4)}};
        for (ApMatrix[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> A.softmaxCrossEntropyGradientInto(f, c[0], A.one(), c[1]));
            assertEquals("f, y and out must all be 2x3, got y " + A.rows(c[0]) + "x" + A.cols(c[0]) + " and out "
                    + A.rows(c[1]) + "x" + A.cols(c[1]), e.getMessage());
        }
    }

    @Test
    void scaleBySignRefusesAnArgumentOfAnotherShapeEvenWithAsManyEntries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> D.scaleBySignInto(D.fromDoubles(1, 2, 1, 2), D.fromDoubles(2, 1, 1, -1), 1.0, 0.0, D.zeros(2, 1)));
        assertEquals("shape mismatch: 1x2 vs 2x1", e.getMessage());
        assertEquals(4.0, D.get(D.fromDoubles(2, 2, 1, 2, 3, 4), 1, 1));
        assertEquals(2.0, D.get(D.fromDoubles(2, 2, 1, 2, 3, 4), 0, 1));
    }

    @Test
    void decimalConstantsAreNotTakenFromDoubles() {
        Apfloat tenth = A.parse("0.1");
        Apfloat fromDouble = A.exact(0.1);
        assertTrue(A.abs(A.sub(tenth, fromDouble)).doubleValue() > 1e-18);
        assertEquals(0, A.compare(A.mul(tenth, A.of(10)), A.one()));
    }

    @Test
    void packAndUnpackRoundTrip() {
        DMatrixRMaj v = D.vector(1, 2, 3, 4, 5, 6, 7);
        DMatrixRMaj block = D.unpack(v, 1, 2, 3);
        assertEquals(5.0, block.get(1, 0));
        DMatrixRMaj w = D.zeros(7, 1);
        D.pack(block, w, 1);
        assertEquals(6.0, w.get(5, 0));
    }

    @Test
    void badInputNamesTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> D.fromDoubles(1, 2, 1.0, Double.NaN));
        assertTrue(e.getMessage().contains("entry 1") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Precision.digits(5));
        assertTrue(e.getMessage().contains("digits") && e.getMessage().contains("5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Precision.digits(20).requireResolves(1e-25));
        assertTrue(e.getMessage().contains("20 digits") && e.getMessage().contains("1.0E-25"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> A.parse("1.2.3"));
        assertTrue(e.getMessage().contains("1.2.3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> D.mult(D.zeros(2, 3), D.zeros(2, 3)));
        assertTrue(e.getMessage().contains("3 vs 2"), e.getMessage());
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-15);
    }
}

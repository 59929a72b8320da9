package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

class DoubleArithmeticBlasTest {

    /** BLAS implementations differ only in summation order: a few roundings of 1.1e-16 per entry. */
    private static final double BLAS_TOLERANCE = 1e-12;

    private static final DoubleArithmetic DEFAULT = DoubleArithmetic.INSTANCE;
    private static final DoubleArithmetic JAVA = DoubleArithmetic.withBlas(JavaBLAS.getInstance());

    private static DMatrixRMaj random(Random r, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = 2 * r.nextDouble() - 1;
        }
        return m;
    }

    private static double relativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        return NormOps_DDRM.normF(CommonOps_DDRM.subtract(actual, expected, null)) / NormOps_DDRM.normF(expected);
    }

    @Test
    void rowMajorProductsMatchEjmlForEveryBlas() {
        Random r = new Random(1234L);
        // rectangular shapes catch a wrong leading dimension or transposition flag
        DMatrixRMaj a = random(r, 37, 23);
        DMatrixRMaj b = random(r, 23, 11);
        DMatrixRMaj at = random(r, 23, 37);
        DMatrixRMaj bt = random(r, 11, 23);
        DMatrixRMaj ab = CommonOps_DDRM.mult(a, b, null);
        DMatrixRMaj atTb = new DMatrixRMaj(37, 11);
        CommonOps_DDRM.multTransA(at, b, atTb);
        DMatrixRMaj abtT = new DMatrixRMaj(37, 11);
        CommonOps_DDRM.multTransB(a, bt, abtT);
        for (DoubleArithmetic d : new DoubleArithmetic[] {DEFAULT, JAVA}) {
            assertTrue(relativeError(d.mult(a, b), ab) < BLAS_TOLERANCE, d.blas().getClass().getName());
            assertTrue(relativeError(d.multTransA(at, b), atTb) < BLAS_TOLERANCE, d.blas().getClass().getName());
            assertTrue(relativeError(d.multTransB(a, bt), abtT) < BLAS_TOLERANCE, d.blas().getClass().getName());
        }
    }

    @Test
    void nativeAndJavaBlasAgreeOnAWorkloadSizedProduct() {
        Random r = new Random(99L);
        DMatrixRMaj x = random(r, 1000, 64);
        DMatrixRMaj w = random(r, 64, 128);
        assertTrue(relativeError(DEFAULT.mult(x, w), JAVA.mult(x, w)) < BLAS_TOLERANCE);
        DMatrixRMaj g = random(r, 1000, 128);
        assertTrue(relativeError(DEFAULT.multTransA(x, g), JAVA.multTransA(x, g)) < BLAS_TOLERANCE);
        assertTrue(relativeError(DEFAULT.multTransB(g, w), JAVA.multTransB(g, w)) < BLAS_TOLERANCE);
    }

    @Test
    void vectorShapedProductsWork() {
        DMatrixRMaj v = DEFAULT.vector(1, 2, 3);
        assertEquals(14.0, DEFAULT.multTransA(v, v).get(0, 0), 0.0);
        DMatrixRMaj outer = DEFAULT.multTransB(v, v);
        assertEquals(6.0, outer.get(1, 2), 0.0);
        assertEquals(14.0, DEFAULT.mult(DEFAULT.transpose(v), v).get(0, 0), 0.0);
    }

    @Test
    void scaleBySignUsesTheSlopeOnEachSideOfZero() {
        DMatrixRMaj z = DEFAULT.fromDoubles(1, 4, -1.0, 0.0, 2.0, -0.0);
        DMatrixRMaj m = DEFAULT.fromDoubles(1, 4, 3.0, 5.0, 7.0, 11.0);
        DMatrixRMaj s = DEFAULT.scaleBySign(m, z, 1.0, 0.25);
        assertEquals("[0.75, 1.25, 7.0, 2.75]", Arrays.toString(DEFAULT.toDoubles(s)));
        ApfloatArithmetic ap = ApfloatArithmetic.digits(20);
        double[] viaDefault = ap.toDoubles(ap.scaleBySign(ap.fromDoubles(1, 4, 3.0, 5.0, 7.0, 11.0),
                ap.fromDoubles(1, 4, -1.0, 0.0, 2.0, -0.0), ap.one(), ap.exact(0.25)));
        assertEquals(Arrays.toString(DEFAULT.toDoubles(s)), Arrays.toString(viaDefault));
    }

    @Test
    void biasRowsAndColumnSumsMatchTheirDefinitions() {
        Random r = new Random(5L);
        DMatrixRMaj a = random(r, 7, 3);
        DMatrixRMaj b = random(r, 3, 4);
        DMatrixRMaj row = random(r, 1, 4);
        DMatrixRMaj ones = new DMatrixRMaj(7, 1);
        ones.fill(1.0);
        DMatrixRMaj expected = CommonOps_DDRM.add(CommonOps_DDRM.mult(a, b, null), CommonOps_DDRM.mult(ones, row, null), null);
        assertTrue(relativeError(DEFAULT.multPlusRow(a, b, row), expected) < BLAS_TOLERANCE);
        assertTrue(relativeError(DEFAULT.multPlusRow(a, b, DEFAULT.transpose(row)), expected) < BLAS_TOLERANCE);
        DMatrixRMaj sums = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.multTransA(expected, ones, sums);
        assertTrue(relativeError(DEFAULT.columnSums(expected), sums) < BLAS_TOLERANCE);
        ApfloatArithmetic ap = ApfloatArithmetic.digits(30);
        ApMatrix viaDefault = ap.multPlusRow(ap.fromDoubles(7, 3, a.data), ap.fromDoubles(3, 4, b.data),
                ap.fromDoubles(1, 4, row.data));
        assertTrue(relativeError(DEFAULT.fromDoubles(7, 4, ap.toDoubles(viaDefault)), expected) < BLAS_TOLERANCE);
        assertTrue(relativeError(DEFAULT.fromDoubles(4, 1, ap.toDoubles(ap.columnSums(viaDefault))), sums) < BLAS_TOLERANCE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DEFAULT.multPlusRow(a, b, DEFAULT.zeros(1, 3)));
        assertTrue(e.getMessage().contains("row") && e.getMessage().contains("3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ap.multPlusRow(ap.zeros(2, 3), ap.zeros(3, 4), ap.zeros(1, 3)));
        assertTrue(e.getMessage().contains("row") && e.getMessage().contains("3"), e.getMessage());
    }
}

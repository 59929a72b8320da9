package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Objective;
import gfgd.objective.Quadratic;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** DenseSpectrum's bad input names the entry, and its residual is relative at every scale. */
class DenseSpectrumContractTest {

    /** A backward-stable eigen-solve: relative residual a few units of roundoff. */
    private static final double RELATIVE_RESIDUAL = 1e-13;

    @Test
    void aNonFiniteEntryIsNamedByRowAndColumnUpToTheLastOne() {
        double[] m = {1, 2, 3, 2, 5, 6, 3, 6, 9};
        for (int k : new int[] {3, 8}) {
            double[] bad = m.clone();
            bad[k] = Double.NaN;
            String e = assertThrows(IllegalArgumentException.class, () -> DenseSpectrum.of(3, bad)).getMessage();
            assertTrue(e.contains("matrix entry (" + k / 3 + ", " + k % 3 + ") must be finite"), e);
        }
        assertThrows(IllegalArgumentException.class, () -> DenseSpectrum.of(3, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> DenseSpectrum.of(new DMatrixRMaj(2, 3)));
    }

    @Test
    void theResidualIsRelativeToTheMatrixAtHugeScale() {
        DenseSpectrum s = DenseSpectrum.of(2, 2e8, 1e8, 1e8, 2e8);
        assertArrayEquals(new double[] {1e8, 3e8}, s.values(), 1e8 * RELATIVE_RESIDUAL);
        assertTrue(s.residual() < RELATIVE_RESIDUAL, "residual " + s.residual());
        assertEquals(2, s.dimension());
        DMatrixRMaj v = s.vectors();
        assertEquals(1 / Math.sqrt(2), Math.abs(v.get(0, 1)), RELATIVE_RESIDUAL);
        assertEquals(0, DenseSpectrum.of(1, 0.0).residual());
        DenseSpectrum t = DenseSpectrum.of(3, 3.1e8, 1.7e8, -0.3e8, 1.7e8, 2.9e8, 0.5e8, -0.3e8, 0.5e8, 1.3e8);
        assertTrue(t.residual() < RELATIVE_RESIDUAL, "residual " + t.residual());
    }

    @Test
    void theHessianSpectrumRefusesAThetaOfTheWrongSize() {
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(a, a.fromDoubles(2, 2, 2, 1, 1, 2), a.vector(0, 0));
        assertEquals("theta must be a 2x1 vector, got 3x1",
                assertThrows(IllegalArgumentException.class, () -> DenseSpectrum.ofHessian(q, a.zeros(3, 1))).getMessage());
        assertEquals("theta must be a 2x1 vector, got 1x1",
                assertThrows(IllegalArgumentException.class, () -> DenseSpectrum.valuesOfHessian(q, a.zeros(1, 1))).getMessage());
        assertArrayEquals(new double[] {1, 3}, DenseSpectrum.ofHessian(q, a.zeros(2, 1)).values(), 1e-15);
    }

    /** f = 1/2 theta' diag(1, 3) theta whose own methods never look at theta's shape (they read no theta at all). */
    private static final Objective<Double, DMatrixRMaj> UNCHECKED = new Objective<>() {
        @Override
        public DoubleArithmetic arithmetic() {
            return DoubleArithmetic.INSTANCE;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public Double value(DMatrixRMaj theta) {
            return 0.0;
        }

        @Override
        public DMatrixRMaj gradient(DMatrixRMaj theta) {
            return new DMatrixRMaj(2, 1);
        }

        @Override
        public DMatrixRMaj hessianVectorProduct(DMatrixRMaj theta, DMatrixRMaj v) {
            return DoubleArithmetic.INSTANCE.vector(v.get(0), 3 * v.get(1));
        }
    };

    @Test
    void theSpectrumChecksThetaItselfWhateverTheObjectiveDoes() {
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        assertArrayEquals(new double[] {1, 3}, DenseSpectrum.valuesOfHessian(UNCHECKED, a.zeros(2, 1)), 1e-15);
        assertEquals("theta must be a 2x1 vector, got 3x1", assertThrows(IllegalArgumentException.class,
                () -> DenseSpectrum.valuesOfHessian(UNCHECKED, a.zeros(3, 1))).getMessage());
        assertEquals("theta must be a 2x1 vector, got 1x1", assertThrows(IllegalArgumentException.class,
                () -> DenseSpectrum.ofHessian(UNCHECKED, a.zeros(1, 1))).getMessage());
    }
}

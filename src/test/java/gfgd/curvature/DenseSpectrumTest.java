package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.DeepLinear;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DenseSpectrumTest {

    @Test
    void diagonalMatrixHasItsDiagonalAsSortedSpectrum() {
        DenseSpectrum s = DenseSpectrum.of(3, 2, 0, 0, 0, -5, 0, 0, 0, 0.5);
        assertEquals(-5, s.min(), 1e-15);
        assertEquals(2, s.max(), 1e-15);
        assertEquals(0.5, s.values()[1], 1e-15);
        assertEquals(-5, s.negativePart(), 1e-15);
        assertEquals(1.0, Math.abs(s.vector(0)[1]), 1e-15);
        assertTrue(s.residual() < 1e-15);
    }

    @Test
    void twoByTwoMatchesTheClosedForm() {
        // [[a, b], [b, c]]: (a + c)/2 -+ sqrt(((a - c)/2)^2 + b^2)
        double a = 1.5;
        double b = -0.7;
        double c = -0.25;
        DenseSpectrum s = DenseSpectrum.of(2, a, b, b, c);
        double mid = (a + c) / 2;
        double rad = Math.hypot((a - c) / 2, b);
        assertEquals(mid - rad, s.min(), 1e-14);
        assertEquals(mid + rad, s.max(), 1e-14);
        assertEquals(0.0, s.negativePart() - (mid - rad), 1e-14);
        assertTrue(s.residual() < 1e-14);
    }

    @Test
    void repeatedEigenvaluesAndDimensionOne() {
        DenseSpectrum one = DenseSpectrum.of(1, 3.0);
        assertEquals(3.0, one.min(), 0);
        assertEquals(0.0, one.negativePart(), 0);
        DenseSpectrum rep = DenseSpectrum.of(3, 4, 0, 0, 0, 4, 0, 0, 0, 4);
        assertEquals(4, rep.min(), 1e-15);
        assertEquals(4, rep.max(), 1e-15);
    }

    @Test
    void scalarDepthTwoNetAtTheDiagonalHasLambdaMinOneMinusSSquared() {
        // f(a, b) = (ab - 1)^2 / 2 at (s, s): H = [[s^2, 2s^2 - 1], [2s^2 - 1, s^2]], lambda_min = 1 - s^2
        DoubleArithmetic d = DoubleArithmetic.INSTANCE;
        Dataset data = Dataset.of("x = y = 1", 1, 1, 1, new double[] {1}, new double[] {1});
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(d, data, 1, 1, 1);
        double s = 10;
        DenseSpectrum spec = DenseSpectrum.ofHessian(f, d.vector(s, s));
        assertEquals(1 - s * s, spec.min(), 1e-12);
        assertEquals(3 * s * s - 1, spec.max(), 1e-12);
    }

    @Test
    void badInputIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseSpectrum.of(2, 1, Double.NaN, Double.NaN, 1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DenseSpectrum.of(new DMatrixRMaj(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> DenseSpectrum.of(2, 1, 2, 3));
    }
}

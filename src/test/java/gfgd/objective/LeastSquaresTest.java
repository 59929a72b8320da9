package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The least-squares optimum against normal equations and spectra solved by hand. */
class LeastSquaresTest {

    /** EJML's pseudo-inverse and eigen-decomposition in double on O(1) data: a few roundings of 1.1e-16. */
    private static final double TOLERANCE = 1e-14;

    @Test
    void fullRankDataGiveTheNormalEquationsSolutionAndItsResidual() {
        // rows (1, 0), (0, 1), (1, 1), y = (1, 2, 4): X'X = [[2, 1], [1, 2]], X'y = (5, 6),
        // w* = (4/3, 7/3), residual (1/3, 1/3, -1/3), f* = (1/3) / (2 * 3) = 1/18
        Dataset d = Dataset.of("three", 3, 2, 1, new double[] {1, 0, 0, 1, 1, 1}, new double[] {1, 2, 4});
        LeastSquares ls = LeastSquares.of(d);
        assertArrayEquals(new double[] {4.0 / 3, 7.0 / 3}, ls.w(), TOLERANCE);
        assertEquals(Math.sqrt(65) / 3, ls.wNorm(), TOLERANCE);
        assertEquals(1.0 / 18, ls.fStar(), TOLERANCE);
        // b = -X'y / m = -(5, 6) / 3
        assertEquals(Math.sqrt(61) / 3, ls.bNorm(), TOLERANCE);
        // Sxx = X'X / 3 has eigenvalues 1 (along (1, 1)) and 1/3 (along (1, -1))
        assertEquals(1.0, ls.sxxMax(), TOLERANCE);
        assertEquals(1.0 / 3, ls.sxxMinPositive(), TOLERANCE);
    }

    @Test
    void theSpectrumIsSortedWhateverOrderTheDecompositionGives() {
        // X = diag(3, 1, 2), y = (3, 2, 2): Sxx = diag(9, 1, 4) / 3, w* = (1, 2, 1) fits exactly
        Dataset d = Dataset.of("diagonal", 3, 3, 1, new double[] {3, 0, 0, 0, 1, 0, 0, 0, 2}, new double[] {3, 2, 2});
        LeastSquares ls = LeastSquares.of(d);
        assertEquals(3.0, ls.sxxMax(), TOLERANCE);
        assertEquals(1.0 / 3, ls.sxxMinPositive(), TOLERANCE);
        assertArrayEquals(new double[] {1, 2, 1}, ls.w(), TOLERANCE);
        assertEquals(0.0, ls.fStar(), TOLERANCE);
        // X'y = (9, 2, 4), ||X'y|| / 3 = sqrt(101) / 3
        assertEquals(Math.sqrt(101) / 3, ls.bNorm(), TOLERANCE);
    }

    @Test
    void rankDeficientDataGiveTheMinimumNormFitAndSkipTheNullSpace() {
        // one sample (1, 1) with y = 2: every w with w1 + w2 = 2 fits; the minimum-norm one is (1, 1).
        // Sxx = [[1, 1], [1, 1]] has eigenvalues 2 and 0; the smallest positive one is 2.
        Dataset d = Dataset.of("one", 1, 2, 1, new double[] {1, 1}, new double[] {2});
        LeastSquares ls = LeastSquares.of(d);
        assertArrayEquals(new double[] {1, 1}, ls.w(), TOLERANCE);
        assertEquals(0.0, ls.fStar(), TOLERANCE);
        assertEquals(2 * Math.sqrt(2), ls.bNorm(), TOLERANCE);
        assertEquals(2.0, ls.sxxMax(), TOLERANCE);
        assertEquals(2.0, ls.sxxMinPositive(), TOLERANCE);
    }

    @Test
    void eigenvaluesBelowTheRankToleranceOfTheLargestAreNullSpace() {
        // rows (sqrt(200), 0), (0, sqrt(2e-10)): Sxx = diag(100, 1e-10); 1e-10 < 1e-10 * 100 is null space
        Dataset d = Dataset.of("nearly rank one", 2, 2, 1, new double[] {Math.sqrt(200), 0, 0, Math.sqrt(2e-10)},
                new double[] {1, 0});
        LeastSquares ls = LeastSquares.of(d);
        assertEquals(100.0, ls.sxxMax(), 100 * TOLERANCE);
        assertEquals(100.0, ls.sxxMinPositive(), 100 * TOLERANCE);
    }

    @Test
    void theMinimiserIsACopyEachWay() {
        double[] w = {1, 2};
        LeastSquares ls = new LeastSquares(w, 0, 0, 1, 1);
        w[0] = 99;
        assertArrayEquals(new double[] {1, 2}, ls.w());
        ls.w()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, ls.w());
        assertEquals(Math.sqrt(5), ls.wNorm(), 0.0);
    }

    @Test
    void vectorOutputsAreRefusedNamingTheCountAndTheData() {
        Dataset d = Dataset.of("pairs", 2, 1, 2, new double[] {1, 2}, new double[] {1, 0, 0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LeastSquares.of(d));
        assertEquals("least squares over linear predictors needs scalar outputs, got 2 outputs in pairs", e.getMessage());
    }
}

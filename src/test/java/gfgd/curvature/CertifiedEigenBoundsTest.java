package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CertifiedEigenBoundsTest {

    private static final IntervalArithmetic A = IntervalArithmetic.digits(40);
    /** The bounds must be within this of the exact eigenvalues (the midpoint solve plus a small margin). */
    private static final BigDecimal TIGHT = new BigDecimal("1e-9");

    @Test
    void boundsBracketTheExactEigenvaluesOfAPointMatrix() {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3
        IntervalMatrix h = A.fromStrings(2, 2, "2", "1", "1", "2");
        BigDecimal lo = CertifiedEigenBounds.lowerBoundOfMin(A, h);
        BigDecimal hi = CertifiedEigenBounds.upperBoundOfMax(A, h);
        assertTrue(lo.compareTo(BigDecimal.ONE) <= 0 && BigDecimal.ONE.subtract(lo).compareTo(TIGHT) < 0, "lo " + lo);
        assertTrue(hi.compareTo(BigDecimal.valueOf(3)) >= 0 && hi.subtract(BigDecimal.valueOf(3)).compareTo(TIGHT) < 0, "hi " + hi);
    }

    @Test
    void boundsCoverEveryMemberOfAnIntervalMatrix() {
        // diagonal entry in [-1, -0.5]: lambda_min of [[x, 0], [0, 1]] is x, so the bound must be <= -1
        IntervalMatrix h = A.zeros(2, 2);
        A.set(h, 0, 0, A.interval("-1", "-0.5"));
        A.set(h, 1, 1, A.one());
        assertTrue(CertifiedEigenBounds.lowerBoundOfMin(A, h).compareTo(BigDecimal.ONE.negate()) <= 0);
        assertTrue(CertifiedEigenBounds.upperBoundOfMax(A, h).compareTo(BigDecimal.ONE) >= 0);
    }

    @Test
    void anIndefiniteMatrixIsNotCertifiedPositiveDefinite() {
        assertFalse(CertifiedEigenBounds.positiveDefinite(A, A.fromStrings(2, 2, "1", "2", "2", "1")));
        assertTrue(CertifiedEigenBounds.positiveDefinite(A, A.fromStrings(2, 2, "2", "1", "1", "2")));
    }

    @Test
    void aSingularMemberIsNotPositiveDefinite() {
        // [[1, 1], [1, 1]] is only semidefinite: its second pivot is exactly 0
        assertFalse(CertifiedEigenBounds.positiveDefinite(A, A.fromStrings(2, 2, "1", "1", "1", "1")));
    }

    @Test
    void theThirdPivotDecidesAThreeByThreeMatrix() {
        // [[2, 1, 1], [1, 2, 1], [1, 1, c]]: leading minors 2, 3 and 3c - 2, so positive definite iff c > 2/3
        assertTrue(CertifiedEigenBounds.positiveDefinite(A, A.fromStrings(3, 3, "2", "1", "1", "1", "2", "1", "1", "1", "0.67")));
        assertFalse(CertifiedEigenBounds.positiveDefinite(A, A.fromStrings(3, 3, "2", "1", "1", "1", "2", "1", "1", "1", "0.66")));
    }

    @Test
    void aNonSquareMatrixIsRejectedNamingItsShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CertifiedEigenBounds.lowerBoundOfMin(A, A.zeros(2, 3)));
        assertEquals("matrix must be square, got 2x3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CertifiedEigenBounds.upperBoundOfMax(A, A.zeros(3, 2)));
        assertEquals("matrix must be square, got 3x2", e.getMessage());
    }

    @Test
    void aDiagonalPointMatrixIsCertifiedAtTheFirstCandidate() {
        // diag(1e6, 2e6): the midpoint solve is exact and the first margin is 1e-12 (1 + |lambda|)
        IntervalMatrix h = A.fromStrings(2, 2, "1e6", "0", "0", "2e6");
        assertEquals(1e6 - 1e-12 * (1 + 1e6), CertifiedEigenBounds.lowerBoundOfMin(A, h).doubleValue(), 1e-9);
        assertEquals(2e6 + 1e-12 * (1 + 2e6), CertifiedEigenBounds.upperBoundOfMax(A, h).doubleValue(), 1e-9);
    }

    @Test
    void theCandidateMovesOutwardByTheFrobeniusNormOfTheRadii() {
        // diag([0.9, 1.1], [2.9, 3.1]): the midpoint's eigenvalues 1 and 3 move out by the radii's Frobenius norm
        // sqrt(0.1^2 + 0.1^2) (Weyl, times 1 + 1e-12), then by the first margin 1e-12 (1 + |candidate|); the members'
        // extreme eigenvalues 0.9 and 3.1 lie inside, so that first candidate is certified
        IntervalMatrix h = A.zeros(2, 2);
        A.set(h, 0, 0, A.interval("0.9", "1.1"));
        A.set(h, 1, 1, A.interval("2.9", "3.1"));
        double weyl = Math.sqrt(0.02) * (1 + 1e-12);
        double lo = CertifiedEigenBounds.lowerBoundOfMin(A, h).doubleValue();
        double hi = CertifiedEigenBounds.upperBoundOfMax(A, h).doubleValue();
        assertEquals(1 - weyl - 1e-12 * (2 - weyl), lo, 1e-14);
        assertEquals(3 + weyl + 1e-12 * (4 + weyl), hi, 1e-14);
    }

    @Test
    void theMarginDoublesUntilTheHullOfBothTrianglesIsCertified() {
        // h_01 = 1.5, h_10 = 0.5: the midpoint [[2, 1], [1, 2]] has eigenvalues 1 and 3, but the symmetric members
        // [[2, x], [x, 2]], x in [0.5, 1.5], reach lambda_min = 0.5 and lambda_max = 3.5: the doubling margin must
        // pass them, and overshoots by less than the last doubling (so the bounds stay within 0.5 further out)
        for (String[] entries : new String[][] {{"2", "1.5", "0.5", "2"}, {"2", "0.5", "1.5", "2"}}) {
            IntervalMatrix h = A.fromStrings(2, 2, entries);
            BigDecimal lo = CertifiedEigenBounds.lowerBoundOfMin(A, h);
            BigDecimal hi = CertifiedEigenBounds.upperBoundOfMax(A, h);
            assertTrue(lo.compareTo(new BigDecimal("0.5")) <= 0 && lo.signum() > 0, "lo " + lo);
            assertTrue(hi.compareTo(new BigDecimal("3.5")) >= 0 && hi.compareTo(new BigDecimal(4)) < 0, "hi " + hi);
        }
    }

    @Test
    void aBoundBeyondFortyDoublingsIsUndecidable() {
        // h_10 = 100, h_01 = 0: midpoint eigenvalues -50 and 50, but the member [[0, 100], [100, 0]] has -100 and 100;
        // forty doublings of 1e-12 (1 + 50) reach 51e-12 * 2^39 = 28 < 50, so neither bound is certified
        IntervalMatrix h = A.fromStrings(2, 2, "0", "0", "100", "0");
        IllegalStateException lo = assertThrows(IllegalStateException.class, () -> CertifiedEigenBounds.lowerBoundOfMin(A, h));
        assertTrue(lo.getMessage().startsWith("could not certify an eigenvalue bound near "), lo.getMessage());
        assertEquals(-50, Double.parseDouble(lo.getMessage().substring(lo.getMessage().lastIndexOf(' ') + 1)), 1e-12);
        IllegalStateException hi = assertThrows(IllegalStateException.class, () -> CertifiedEigenBounds.upperBoundOfMax(A, h));
        assertEquals(50, Double.parseDouble(hi.getMessage().substring(hi.getMessage().lastIndexOf(' ') + 1)), 1e-12);
    }

    @Test
    void fourByFourPointMatricesWithFactorsOfEitherSignAreCertified() {
        // leading minors 2, 4, 4, 2 and 2, 4, 6, 2: both positive definite, with last pivots 1/2 and 1/3. The squares
        // of the factor's entries must keep their lower ends (an entry's square is at least its smallest magnitude
        // squared): dropped to 0, the pivots' upper ends and with them the later factor entries widen until the last
        // pivot's enclosure reaches 0
        assertTrue(CertifiedEigenBounds.positiveDefinite(A, A.fromStrings(4, 4,
                "2", "2", "2", "2", "2", "4", "0", "3", "2", "0", "5", "0", "2", "3", "0", "4")));
        assertTrue(CertifiedEigenBounds.positiveDefinite(A, A.fromStrings(4, 4,
                "2", "-2", "-1", "-1", "-2", "4", "-1", "-1", "-1", "-1", "4", "3", "-1", "-1", "3", "3")));
    }
}

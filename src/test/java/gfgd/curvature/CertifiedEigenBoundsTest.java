package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
}

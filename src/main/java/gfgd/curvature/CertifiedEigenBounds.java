package gfgd.curvature;

import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import java.math.BigDecimal;
import java.math.MathContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Rigorous bounds on the extreme eigenvalues of every symmetric matrix in an interval matrix (for example a
 * Hessian enclosed over a box): {@code mu} is a proved lower bound of {@code lambda_min} when an interval
 * Cholesky factorisation of {@code H - mu I} succeeds (every pivot's enclosure is positive, so every member
 * is positive definite), and a proved upper bound of {@code lambda_max} when that of {@code mu I - H} does.
 * The candidate {@code mu} comes from an EJML eigen-decomposition of the midpoint matrix, moved outward by
 * the entries' radii (Weyl) and a small margin that doubles until the factorisation succeeds.
 */
public final class CertifiedEigenBounds {

    /** Attempts (each doubling the margin) before a bound is declared undecidable. */
    private static final int ATTEMPTS = 40;
    /** First margin relative to {@code 1 + |lambda|}: far above double rounding of the midpoint solve. */
    private static final double FIRST_MARGIN = 1e-12;

    private CertifiedEigenBounds() {
    }

    /** A proved lower bound of {@code lambda_min(H')} for every symmetric {@code H'} in {@code h}. */
    public static BigDecimal lowerBoundOfMin(IntervalArithmetic a, IntervalMatrix h) {
        double[] range = midpointRange(a, h);
        return bound(a, h, range[0] - range[2], -1);
    }

    /** A proved upper bound of {@code lambda_max(H')} for every symmetric {@code H'} in {@code h}. */
    public static BigDecimal upperBoundOfMax(IntervalArithmetic a, IntervalMatrix h) {
        double[] range = midpointRange(a, h);
        return bound(a, h, range[1] + range[2], 1);
    }

    /** {@code lambda_min, lambda_max} of the midpoint matrix and the Frobenius norm of the radii (in double). */
    private static double[] midpointRange(IntervalArithmetic a, IntervalMatrix h) {
        int n = a.rows(h);
        if (a.cols(h) != n) {
            throw new IllegalArgumentException("matrix must be square, got " + n + "x" + a.cols(h));
        }
        DMatrixRMaj mid = new DMatrixRMaj(n, n);
        double radius = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Interval x = a.get(h, i, j);
                mid.set(i, j, 0.5 * (a.toDouble(x) + a.toDouble(a.get(h, j, i))));
                double r = x.width().doubleValue() / 2;
                radius += r * r;
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(mid)) {
            throw new IllegalStateException("eigen-decomposition of the midpoint matrix failed");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = eig.getEigenvalue(i).getReal();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi, Math.sqrt(radius) * (1 + 1e-12)};
    }

    /** Moves {@code start} outward ({@code side = -1} down, {@code +1} up) until the Cholesky test proves it. */
    private static BigDecimal bound(IntervalArithmetic a, IntervalMatrix h, double start, int side) {
        double margin = FIRST_MARGIN * (1 + Math.abs(start));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BigDecimal mu = new BigDecimal(start + side * margin).round(new MathContext(17));
            if (positiveDefinite(a, shifted(a, h, mu, side))) {
                return mu;
            }
            margin *= 2;
        }
        throw new IllegalStateException("could not certify an eigenvalue bound near " + start);
    }

    /** {@code H - mu I} for {@code side = -1}, {@code mu I - H} for {@code side = +1}. */
    private static IntervalMatrix shifted(IntervalArithmetic a, IntervalMatrix h, BigDecimal mu, int side) {
        int n = a.rows(h);
        IntervalMatrix s = a.zeros(n, n);
        Interval m = a.enclose(mu);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // symmetric part: the hull of h_ij and h_ji contains both
                Interval x = a.get(h, i, j).hull(a.get(h, j, i));
                if (i == j) {
                    x = a.sub(x, m);
                }
                a.set(s, i, j, side < 0 ? x : a.negate(x));
            }
        }
        return s;
    }

    /**
     * Whether every symmetric matrix in {@code s} is positive definite: an interval Cholesky factorisation
     * whose pivots' enclosures are all positive.
     */
    public static boolean positiveDefinite(IntervalArithmetic a, IntervalMatrix s) {
        int n = a.rows(s);
        Interval[][] l = new Interval[n][n];
        for (int j = 0; j < n; j++) {
            Interval pivot = a.get(s, j, j);
            for (int k = 0; k < j; k++) {
                pivot = a.sub(pivot, sq(a, l[j][k]));
            }
            if (pivot.lo().signum() <= 0) {
                return false;
            }
            l[j][j] = a.sqrt(pivot);
            for (int i = j + 1; i < n; i++) {
                Interval v = a.get(s, i, j);
                for (int k = 0; k < j; k++) {
                    v = a.sub(v, a.mul(l[i][k], l[j][k]));
                }
                l[i][j] = a.div(v, l[j][j]);
            }
        }
        return true;
    }

    /** {@code x^2} without the dependency problem (never below zero). */
    private static Interval sq(IntervalArithmetic a, Interval x) {
        BigDecimal m = x.mag();
        BigDecimal n = x.lo().signum() > 0 ? x.lo() : x.hi().signum() < 0 ? x.hi().negate() : BigDecimal.ZERO;
        return a.interval(n.multiply(n), m.multiply(m));
    }
}

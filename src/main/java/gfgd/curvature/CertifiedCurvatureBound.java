package gfgd.curvature;

import gfgd.dynamics.ValidatedTaylorFlow;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.Objective;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Rigorous enclosures of the curvature bound of math brief 1b along an enclosed gradient-flow trajectory,
 * {@code B(t) = 1/2 int_0^t exp(-int_s^t lambda_-) ||H grad f||(s) ds}, and of the quantities the constant
 * {@code c} of {@code E_j <= eta B(j eta) (1 + c eta)} is made of. Each grid interval {@code [j eta, (j+1) eta]}
 * is cut into {@code r} pieces of length {@code tau = eta / r}; over the a-priori box of each piece the
 * Hessian's extreme eigenvalues are bounded ({@link CertifiedEigenBounds}; an upper bound of
 * {@code lambda_min} by the Rayleigh quotient of the midpoint's eigenvector), and {@code ||H grad f||} and
 * {@code ||grad f||} are enclosed. Since {@code -lambda_- >= 0},
 * <pre>
 *   B(t + tau) >= (1 - tau l_hi) B(t) + tau q_lo / 2,      B(t + tau) <= exp(-tau l_lo) (B(t) + tau q_hi / 2),
 * </pre>
 * with {@code [l_lo, l_hi]} enclosing {@code lambda_-} and {@code [q_lo, q_hi]} enclosing {@code ||H grad f||}
 * over the piece.
 */
public final class CertifiedCurvatureBound {

    /**
     * The profile at the grid times {@code t_j = j eta}: {@code bLo, bHi} enclose {@code B(t_j)}; {@code lambda}
     * bounds {@code -int_0^t_j lambda_-} above; {@code gradient} and {@code hessian} bound
     * {@code max_{s <= t_j} ||grad f(theta(s))||} and {@code max_{s <= t_j} ||H(theta(s))||_2} above (each
     * also covers the piece after {@code t_j}).
     */
    public record Profile(List<BigDecimal> bLo, List<BigDecimal> bHi, List<BigDecimal> lambda,
                          List<BigDecimal> gradient, List<BigDecimal> hessian) {
    }

    private CertifiedCurvatureBound() {
    }

    /**
     * The profile along the flow of {@code f} enclosed by {@code fine} on the grid of step {@code tau}, reported
     * at every {@code r}-th grid time ({@code eta = r tau}); {@code flow} supplies the pieces' a-priori boxes.
     */
    public static Profile along(IntervalArithmetic a, Objective<Interval, IntervalMatrix> f, ValidatedTaylorFlow flow,
                                ValidatedTaylorFlow.Enclosure fine, int r) {
        if (r < 1 || (fine.grid().size() - 1) % r != 0) {
            throw new IllegalArgumentException("pieces per step must be >= 1 and divide the grid, got " + r);
        }
        BigDecimal tau = fine.eta();
        long n = (fine.grid().size() - 1) / r;
        MathContext down = a.down();
        MathContext up = a.up();
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal bLo = BigDecimal.ZERO;
        BigDecimal bHi = BigDecimal.ZERO;
        BigDecimal lam = BigDecimal.ZERO;
        BigDecimal g = BigDecimal.ZERO;
        BigDecimal hMax = BigDecimal.ZERO;
        List<BigDecimal> los = new ArrayList<>();
        List<BigDecimal> his = new ArrayList<>();
        List<BigDecimal> lams = new ArrayList<>();
        List<BigDecimal> gs = new ArrayList<>();
        List<BigDecimal> hs = new ArrayList<>();
        for (long i = 0; i <= (long) n * r; i++) {
            if (i % r == 0) {
                los.add(bLo);
                his.add(bHi);
                lams.add(lam);
            }
            if (i == (long) n * r) {
                break;
            }
            IntervalMatrix box = flow.arcEnclosure(fine.grid().get(Math.toIntExact(i)), tau);
            IntervalMatrix grad = f.gradient(box);
            IntervalMatrix h = f.hessian(box);
            BigDecimal minLo = CertifiedEigenBounds.lowerBoundOfMin(a, h);
            BigDecimal maxHi = CertifiedEigenBounds.upperBoundOfMax(a, h);
            BigDecimal minHi = upperBoundOfMin(a, h);
            BigDecimal lLo = minLo.min(BigDecimal.ZERO);
            BigDecimal lHi = minHi.min(BigDecimal.ZERO);
            Interval q = a.norm(f.hessianVectorProduct(box, grad));
            g = g.max(a.norm(grad).hi());
            hMax = hMax.max(minLo.abs()).max(maxHi.abs());
            bLo = BigDecimal.ONE.subtract(tau.multiply(lHi), down).multiply(bLo, down)
                    .add(half.multiply(tau).multiply(q.lo()), down);
            Interval growth = a.exp(a.enclose(tau.multiply(lLo).negate()));
            bHi = growth.hi().multiply(bHi.add(half.multiply(tau).multiply(q.hi()), up), up);
            lam = lam.add(tau.multiply(lLo).negate(), up);
            if (i % r == 0) {
                gs.add(g);
                hs.add(hMax);
            } else {
                gs.set(gs.size() - 1, g);
                hs.set(hs.size() - 1, hMax);
            }
        }
        gs.add(g);
        hs.add(hMax);
        return new Profile(List.copyOf(los), List.copyOf(his), List.copyOf(lams), List.copyOf(gs), List.copyOf(hs));
    }

    /**
     * An upper bound of {@code lambda_min(H')} for every symmetric {@code H'} in {@code h}: the Rayleigh
     * quotient {@code v'H'v / v'v} of the midpoint's lowest eigenvector {@code v} (taken exactly as decimals),
     * enclosed over the interval matrix.
     */
    public static BigDecimal upperBoundOfMin(IntervalArithmetic a, IntervalMatrix h) {
        int n = a.rows(h);
        DMatrixRMaj mid = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mid.set(i, j, 0.5 * (a.toDouble(a.get(h, i, j)) + a.toDouble(a.get(h, j, i))));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(mid)) {
            throw new IllegalStateException("eigen-decomposition of the midpoint matrix failed");
        }
        int k = 0;
        for (int i = 1; i < n; i++) {
            if (eig.getEigenvalue(i).getReal() < eig.getEigenvalue(k).getReal()) {
                k = i;
            }
        }
        DMatrixRMaj vec = eig.getEigenVector(k);
        IntervalMatrix v = a.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            a.set(v, i, 0, a.exact(vec.get(i, 0)));
        }
        // symmetric part: the hull of h_ij and h_ji contains both
        IntervalMatrix s = a.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(s, i, j, a.get(h, i, j).hull(a.get(h, j, i)));
            }
        }
        Interval rq = a.div(a.dot(v, a.mult(s, v)), a.dot(v, v));
        return rq.hi();
    }
}

package gfgd.thm1;

import gfgd.curvature.DenseSpectrum;
import gfgd.numeric.Arithmetic;
import gfgd.objective.Objective;
import java.util.List;

/**
 * The non-asymptotic a-posteriori bound of Theorem 1 by Euler-map propagation (math brief, 1c): along
 * exact gradient-flow samples {@code theta(j eta)},
 * <pre>
 *   delta_j = ||theta(j eta) - eta grad f(theta(j eta)) - theta((j+1) eta)||,
 *   E_0 = 0,   E_{j+1} = L_j E_j + delta_j,   L_j = sup_{z in B(theta(j eta), E_j)} max_i |1 - eta lambda_i(H(z))|,
 * </pre>
 * and then {@code ||theta_j - theta(j eta)|| <= E_j} for every GD iterate {@code theta_j} (induction: both
 * points lie in the ball, so the mean-value inequality bounds the GD map's spread by {@code L_j E_j}).
 *
 * <p>The supremum is bounded by Weyl's inequality: each eigenvalue of {@code H(z)} lies within
 * {@code Lip(H; ball) E_j} of the eigenvalues at the centre, which are computed in double (EJML) and
 * widened by the decomposition's relative residual plus {@link #EIGEN_MARGIN}, times {@code ||H||_F}. {@code delta_j}
 * is computed in the samples' arithmetic (apfloat in the claim), so its rounding is negligible.
 */
public final class DiscreteBound {

    /**
     * Relative widening of the double eigenvalues at the centre: EJML's symmetric QR is backward stable
     * with error a small multiple of 2^-53 ||H||; 1e-13 covers it with a wide margin.
     */
    public static final double EIGEN_MARGIN = 1e-13;

    /**
     * Radius beyond which the bound is given up: once {@code E_j} exceeds it (the scale of the instances'
     * trajectories), {@code E_i = +infinity} for {@code i >= j}, still a true but vacuous bound. Where the
     * flow converges onto a manifold of minimisers ({@code lambda_min = 0} there) the Weyl widening
     * {@code Lip E_j} makes {@code L_j > 1}, so {@code E' ~ Lip E^2}: the bound grows and finally blows up
     * after a time of order {@code 1 / (Lip E)}, i.e. {@code 1 / eta}.
     */
    public static final double VACUOUS = 1;

    /**
     * The bound along one trajectory.
     *
     * @param bound   {@code E_j}, {@code j = 0..n}
     * @param delta   {@code delta_j}, {@code j = 0..n-1}
     * @param factor  {@code L_j}, {@code j = 0..n-1}
     */
    public record Bound(double[] bound, double[] delta, double[] factor) {

        /** The number of steps {@code j} with a finite {@code E_j} (all of them unless the bound was given up). */
        public int finiteSteps() {
            int k = 0;
            while (k < bound.length && Double.isFinite(bound[k])) {
                k++;
            }
            return k;
        }
    }

    private DiscreteBound() {
    }

    /**
     * {@code E_0..E_n} from the flow samples {@code theta(j eta)}, {@code j = 0..n}.
     *
     * @param f       the objective in the samples' arithmetic (for {@code grad f} in {@code delta_j})
     * @param lip     a Lipschitz bound of the Hessian on balls
     * @param samples {@code theta(j eta)}, {@code j = 0..n}
     * @param spectra the Hessian's spectrum at each sample ({@link DenseSpectrum#ofHessian} in double)
     * @param eta     the step
     */
    public static <S, M> Bound of(Objective<S, M> f, HessianLipschitz lip, List<M> samples,
                                  List<DenseSpectrum> spectra, S eta) {
        Arithmetic<S, M> a = f.arithmetic();
        int n = samples.size() - 1;
        if (n < 0 || spectra.size() != samples.size()) {
            throw new IllegalArgumentException("samples must be non-empty and match the spectra, got "
                    + samples.size() + " samples and " + spectra.size() + " spectra");
        }
        double etaD = a.toDouble(eta);
        if (!(etaD > 0)) {
            throw new IllegalArgumentException("eta must be > 0, got " + a.toString(eta));
        }
        S minusEta = a.negate(eta);
        double[] e = new double[n + 1];
        double[] delta = new double[n];
        double[] factor = new double[n];
        for (int j = 0; j < n; j++) {
            M centre = samples.get(j);
            M euler = a.addScaled(centre, minusEta, f.gradient(centre));
            delta[j] = Math.nextUp(a.toDouble(a.norm(a.minus(euler, samples.get(j + 1)))));
            double[] c = a.toDoubles(centre);
            DenseSpectrum spec = spectra.get(j);
            // ||H||_F <= sqrt(d) max|lambda|; the residual is relative to ||H||_F
            double scale = Math.sqrt(c.length) * Math.max(Math.abs(spec.min()), Math.abs(spec.max()));
            double widen = (spec.residual() + EIGEN_MARGIN) * scale + lip.onBall(c, e[j]) * e[j];
            double lo = spec.min() - widen;
            double hi = spec.max() + widen;
            double l = Math.max(Math.abs(1 - etaD * lo), Math.abs(1 - etaD * hi));
            factor[j] = l;
            e[j + 1] = Math.nextUp(Math.nextUp(l * e[j]) + delta[j]);
            if (!(e[j + 1] <= VACUOUS)) {
                for (int i = j + 1; i <= n; i++) {
                    e[i] = Double.POSITIVE_INFINITY;
                }
                break;
            }
        }
        return new Bound(e, delta, factor);
    }
}

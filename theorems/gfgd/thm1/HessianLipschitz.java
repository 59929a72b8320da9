package gfgd.thm1;

import gfgd.objective.Dataset;
import gfgd.objective.TiltedDoubleWell;
import java.util.Arrays;

/**
 * An explicit Lipschitz constant of an objective's Hessian on a ball: {@code L(c, r)} with
 * {@code ||H(z) - H(z')||_2 <= L(c, r) ||z - z'||} for all {@code z, z'} in the closed ball {@code B(c, r)}.
 * By Weyl's inequality every eigenvalue of {@code H(z)} is then within {@code L(c, r) ||z - c||} of the
 * same-index eigenvalue of {@code H(c)}, which is how the discrete bound takes the supremum over its tube.
 */
@FunctionalInterface
public interface HessianLipschitz {

    /** {@code L(c, r)}; an upper bound, rounded up. */
    double onBall(double[] centre, double radius);

    /** Quadratics: the Hessian is constant, {@code L = 0}. */
    static HessianLipschitz constantHessian() {
        return (c, r) -> 0;
    }

    /** {@link TiltedDoubleWell#hessianLipschitzOnBall}: {@code 6 (|c_x| + r)}. */
    static HessianLipschitz tiltedDoubleWell() {
        return TiltedDoubleWell::hessianLipschitzOnBall;
    }

    /**
     * The deep linear net {@code f = 1/(2m) ||W_N ... W_1 X - Y||_F^2} with widths {@code d_0..d_N} (layout of
     * {@code DeepLinear}). {@code f = l o P} with {@code P(W) = W_N ... W_1} multilinear and {@code l} the
     * convex quadratic {@code l(W) = 1/(2m) ||W X - Y||^2}. For unit directions {@code u, v, w},
     * <pre>
     *   D^3 f[u,v,w] = D^2 l[D^2P[u,v], DP[w]] + D^2 l[D^2P[u,w], DP[v]] + D^2 l[DP[u], D^2P[v,w]] + Dl[D^3P[u,v,w]],
     * </pre>
     * with {@code |D^2 l[A, B]| <= kappa ||A||_F ||B||_F}, {@code kappa = ||X||_2^2 / m}. On the ball every layer
     * has {@code ||W_l||_2 <= s_l := ||C_l||_F + r}, so {@code ||DP[u]|| <= P1}, {@code ||D^2P[u,v]|| <= P2},
     * {@code ||D^3P[u,v,w]|| <= P3} with {@code P_k} the Frobenius norms of the coefficient tensors
     * {@code prod_{l not in S} s_l} over ordered tuples {@code S} of {@code k} distinct layers (Cauchy-Schwarz
     * on {@code sum a_S prod ||u_i||}), and {@code ||Dl|| <= G := ||X||_2 (prod_l s_l ||X||_F + ||Y||_F) / m}.
     * Hence, by the mean-value inequality on the convex ball,
     * <pre>
     *   L(c, r) = 3 kappa P1 P2 + G P3.
     * </pre>
     * The data norms are computed once in double and rounded up by a relative {@code 1e-12}.
     *
     * @param data   the data set
     * @param widths {@code d_0, ..., d_N}
     */
    static HessianLipschitz deepLinear(Dataset data, int... widths) {
        int m = data.samples();
        int d0 = data.inputs();
        int out = data.outputs();
        if (widths[0] != d0 || widths[widths.length - 1] != out) {
            throw new IllegalArgumentException("widths " + Arrays.toString(widths) + " do not match the data ("
                    + d0 + " inputs, " + out + " outputs)");
        }
        double[] x = data.x();
        double[] gram = new double[d0 * d0];
        double xf = 0;
        for (int s = 0; s < m; s++) {
            for (int i = 0; i < d0; i++) {
                xf += x[s * d0 + i] * x[s * d0 + i];
                for (int j = 0; j < d0; j++) {
                    gram[i * d0 + j] += x[s * d0 + i] * x[s * d0 + j];
                }
            }
        }
        double x2sq = gfgd.curvature.DenseSpectrum.of(d0, gram).max() * (1 + ROUND_UP);
        double xF = Math.sqrt(xf) * (1 + ROUND_UP);
        double yF = 0;
        for (double v : data.y()) {
            yF += v * v;
        }
        double yNorm = Math.sqrt(yF) * (1 + ROUND_UP);
        double kappa = x2sq / m;
        double x2 = Math.sqrt(x2sq);
        int depth = widths.length - 1;
        int[] offsets = new int[depth + 1];
        for (int j = 1; j <= depth; j++) {
            offsets[j] = offsets[j - 1] + widths[j] * widths[j - 1];
        }
        return (c, r) -> {
            if (c.length != offsets[depth]) {
                throw new IllegalArgumentException("centre must have " + offsets[depth] + " entries, got " + c.length);
            }
            if (!(r >= 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("radius must be finite and >= 0, got " + r);
            }
            double[] s = new double[depth];
            double prod = 1;
            for (int l = 0; l < depth; l++) {
                double q = 0;
                for (int k = offsets[l]; k < offsets[l + 1]; k++) {
                    q += c[k] * c[k];
                }
                s[l] = Math.sqrt(q) + r;
                prod *= s[l];
            }
            double p1 = tensorNorm(s, 1);
            double p2 = tensorNorm(s, 2);
            double p3 = tensorNorm(s, 3);
            double g = x2 * (prod * xF + yNorm) / m;
            return (3 * kappa * p1 * p2 + g * p3) * (1 + ROUND_UP);
        };
    }

    /** Relative round-up of the double computations above (far above their few-ulp rounding). */
    double ROUND_UP = 1e-12;

    /**
     * {@code sqrt(sum over ordered k-tuples S of distinct layers of prod_{l not in S} s_l^2)}; zero when
     * there are fewer than {@code k} layers (the k-th derivative of the product vanishes).
     */
    private static double tensorNorm(double[] s, int k) {
        int n = s.length;
        double sum = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != k) {
                continue;
            }
            double p = 1;
            for (int l = 0; l < n; l++) {
                if ((mask & 1 << l) == 0) {
                    p *= s[l] * s[l];
                }
            }
            sum += p;
        }
        long orderings = 1;
        for (int i = 2; i <= k; i++) {
            orderings *= i;
        }
        return Math.sqrt(orderings * sum);
    }
}

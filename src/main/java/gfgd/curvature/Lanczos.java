package gfgd.curvature;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.numeric.SplitMix64;
import gfgd.objective.Objective;

/**
 * The smallest and largest Hessian eigenvalues by the Lanczos method on the exact
 * {@link Objective#hessianVectorProduct}, with full reorthogonalisation, for any parameter count
 * (the Krylov basis is {@code steps x d} doubles, so {@code d = 10^5} with 100 steps takes 80 MB).
 *
 * <p>Algorithm (Golub and Van Loan, Matrix Computations, 4th ed., 10.1 and 10.3.1):
 * {@code q_1} is a Rademacher vector from {@link SplitMix64} (entry {@code k} is {@code +1} if
 * {@code u_k < 0.5}, else {@code -1}), normalised. At step {@code j},
 * {@code w = H q_j}, {@code alpha_j = q_j' w}, and {@code w} is orthogonalised against every earlier
 * {@code q_i} by classical Gram-Schmidt applied twice ("twice is enough"); {@code beta_j = ||w||}.
 * If {@code beta_j} falls below {@link #BREAKDOWN} times the largest {@code |alpha|, beta} seen, the
 * Krylov space is invariant: the next vector is a fresh Rademacher vector from the same stream,
 * orthogonalised against the basis (after eight draws inside the basis's span, the coordinate vector
 * farthest from it), and {@code beta_j = 0} (so repeated eigenvalues and start vectors
 * that miss an eigenvector are handled, and {@code steps >= d} reproduces the whole spectrum). The
 * Ritz values are the eigenvalues of the tridiagonal {@code T} ({@link DenseSpectrum}).
 *
 * <p>The residuals are computed, not estimated: for the extreme Ritz pairs {@code (theta, y)},
 * {@code y = Q s} and {@code ||H y - theta y||} by two more Hessian-vector products. For symmetric
 * {@code H} some eigenvalue lies within that residual of {@code theta}.
 *
 * <p>The vectors are handled in double; the Hessian-vector products run in {@code f}'s arithmetic.
 */
public final class Lanczos {

    /** Relative size of {@code beta} below which the Krylov space counts as invariant (a few ulps of ||H||). */
    static final double BREAKDOWN = 1e-13;

    /** The SplitMix64 state of the start vector used by the benchmark (WORKLOADS.md: hessian-lanczos). */
    public static final long WORKLOAD_SEED = 7;

    private Lanczos() {
    }

    /**
     * The extreme Ritz values after {@code steps} Lanczos steps.
     *
     * @param min         the smallest Ritz value (an upper bound on {@code lambda_min} up to rounding)
     * @param max         the largest Ritz value (a lower bound on {@code lambda_max} up to rounding)
     * @param steps       the Lanczos steps taken: {@code min(steps asked, d)}
     * @param minResidual {@code ||H y - min y||} for the unit Ritz vector {@code y} of {@code min}
     * @param maxResidual {@code ||H y - max y||} for the unit Ritz vector {@code y} of {@code max}
     */
    public record Result(double min, double max, int steps, double minResidual, double maxResidual) {

        /** {@code lambda_- = min(min, 0)}. */
        public double negativePart() {
            return Math.min(min, 0.0);
        }
    }

    /**
     * The extreme eigenvalues of {@code f}'s Hessian at {@code theta} by {@code steps} Lanczos steps
     * (capped at the dimension) from the Rademacher start vector of SplitMix64 state {@code seed}.
     *
     * @throws IllegalArgumentException if {@code steps < 1}, {@code theta} has the wrong shape, or a
     *                                  Hessian-vector product is not finite
     */
    public static <S, M> Result extremes(Objective<S, M> f, M theta, int steps, long seed) {
        f.requireParameters(theta);
        Checks.dimension("Lanczos steps", steps);
        Arithmetic<S, M> a = f.arithmetic();
        int d = f.dimension();
        int k = Math.min(steps, d);
        double[][] q = new double[k][];
        double[] alpha = new double[k];
        double[] beta = new double[k];
        SplitMix64 rng = new SplitMix64(seed);
        q[0] = rademacher(rng, d);
        scale(q[0], 1.0 / norm(q[0]));
        double scale = 0.0;
        for (int j = 0; j < k; j++) {
            double[] w = hvp(f, a, theta, q[j], d);
            alpha[j] = dot(q[j], w);
            scale = Math.max(scale, Math.abs(alpha[j]));
            if (j + 1 == k) {
                break;
            }
            orthogonalise(w, q, j + 1);
            orthogonalise(w, q, j + 1);
            double b = norm(w);
            scale = Math.max(scale, b);
            if (b <= BREAKDOWN * scale) {
                beta[j] = 0.0;
                q[j + 1] = restart(rng, d, q, j + 1);
            } else {
                beta[j] = b;
                scale(w, 1.0 / b);
                q[j + 1] = w;
            }
        }
        double[] t = new double[k * k];
        for (int i = 0; i < k; i++) {
            t[i * k + i] = alpha[i];
            if (i + 1 < k) {
                t[i * k + i + 1] = beta[i];
                t[(i + 1) * k + i] = beta[i];
            }
        }
        DenseSpectrum ritz = DenseSpectrum.of(k, t);
        double min = ritz.min();
        double max = ritz.max();
        double minResidual = residual(f, a, theta, q, ritz.vector(0), min, d);
        double maxResidual = k == 1 ? minResidual : residual(f, a, theta, q, ritz.vector(k - 1), max, d);
        return new Result(min, max, k, minResidual, maxResidual);
    }

    /** The Rademacher start vector of WORKLOADS.md: entry k is +1 if u_k < 0.5, else -1 (not normalised). */
    public static double[] rademacher(SplitMix64 rng, int d) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = rng.nextDouble() < 0.5 ? 1.0 : -1.0;
        }
        return v;
    }

    private static double[] restart(SplitMix64 rng, int d, double[][] q, int count) {
        for (int attempt = 0; attempt < 8; attempt++) {
            double[] v = rademacher(rng, d);
            scale(v, 1.0 / norm(v));
            orthogonalise(v, q, count);
            orthogonalise(v, q, count);
            double n = norm(v);
            if (n > 1e-8) {
                scale(v, 1.0 / n);
                return v;
            }
        }
        // every draw fell in the span of the basis, which happens only in low dimension (in d = 2 with one basis
        // vector, each draw does with probability 1/2): the coordinate vectors span the space, so the one with the
        // largest component outside the basis has one of norm at least sqrt((d - count) / d) > 0
        double[] best = null;
        double bestNorm = 0.0;
        for (int i = 0; i < d; i++) {
            double[] v = new double[d];
            v[i] = 1.0;
            orthogonalise(v, q, count);
            orthogonalise(v, q, count);
            double n = norm(v);
            if (n > bestNorm) {
                best = v;
                bestNorm = n;
            }
        }
        scale(best, 1.0 / bestNorm);
        return best;
    }

    private static <S, M> double[] hvp(Objective<S, M> f, Arithmetic<S, M> a, M theta, double[] v, int d) {
        double[] w = a.toDoubles(f.hessianVectorProduct(theta, a.vector(v)));
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException("Hessian-vector product entry " + i + " is " + w[i]);
            }
        }
        return w;
    }

    private static <S, M> double residual(Objective<S, M> f, Arithmetic<S, M> a, M theta, double[][] q,
            double[] s, double value, int d) {
        double[] y = new double[d];
        for (int i = 0; i < s.length; i++) {
            axpy(y, s[i], q[i]);
        }
        scale(y, 1.0 / norm(y));
        double[] hy = hvp(f, a, theta, y, d);
        axpy(hy, -value, y);
        return norm(hy);
    }

    /** {@code w <- w - Q' (Q w)} over the first {@code count} rows of {@code q} (classical Gram-Schmidt). */
    private static void orthogonalise(double[] w, double[][] q, int count) {
        double[] c = new double[count];
        for (int i = 0; i < count; i++) {
            c[i] = dot(q[i], w);
        }
        for (int i = 0; i < count; i++) {
            axpy(w, -c[i], q[i]);
        }
    }

    private static double dot(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static void scale(double[] x, double s) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= s;
        }
    }

    private static void axpy(double[] y, double s, double[] x) {
        for (int i = 0; i < y.length; i++) {
            y[i] += s * x[i];
        }
    }
}

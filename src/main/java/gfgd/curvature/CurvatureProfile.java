package gfgd.curvature;

import gfgd.dynamics.GridHandler;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.objective.DeepLinear;
import gfgd.objective.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The curvature of an objective along a trajectory: at each sample {@code (t, theta)} the smallest
 * Hessian eigenvalue {@code lambda_min}, its negative part {@code lambda_- = min(lambda_min, 0)}, the
 * running integral {@code int_0^t lambda_- ds}, the gradient norm {@code ||grad f||} and, optionally, a
 * lower bound {@code -B(theta)} on {@code lambda_min} (for deep linear nets the pointwise bound of
 * {@link #deepLinearBound}).
 *
 * <p>As a {@link GridHandler} it samples GD's iterates or a flow's grid {@code t = k * eta}; samples at
 * other times (a non-uniform grid) are added with {@link #record}. Times must increase.
 *
 * <p>{@code lambda_min} comes from the dense spectrum ({@link DenseSpectrum#ofHessian}) up to
 * {@link #DENSE_LIMIT} parameters and from {@link Lanczos} above it.
 *
 * <p><b>Accuracy of the running integral.</b> It is the trapezoid rule on the samples. Where
 * {@code lambda_-} is twice differentiable on {@code [t_k, t_{k+1}]} the error of that interval is
 * {@code h^3 |lambda_-''(xi)| / 12} ({@code h = t_{k+1} - t_k}); on an interval where {@code lambda_min}
 * crosses 0 (a kink of {@code lambda_-}) it is at most {@code h^2 |lambda_min'| / 4}. So the total error
 * is second order in the spacing. Where a more accurate integral is needed, {@link CurvatureFlow} carries
 * it as a state of the ODE (to the solver's tolerance) and this trapezoid value is a cross-check.
 *
 * @param <S> scalar type of the objective
 * @param <M> matrix type of the objective
 */
public final class CurvatureProfile<S, M> implements GridHandler<M> {

    /** Up to this many parameters {@code lambda_min} is dense; above it, Lanczos. */
    public static final int DENSE_LIMIT = 400;

    /**
     * Relative size, against {@code ||H||_2}, of the rounding error of a computed eigenvalue: the dense
     * symmetric QR algorithm is backward stable with error of order {@code d eps ||H||}, below 1e-13 for
     * {@code d <= DENSE_LIMIT}; 1e-12 leaves a margin of ten.
     */
    public static final double EIGEN_NOISE = 1e-12;

    /** Lanczos steps above {@link #DENSE_LIMIT}. */
    public static final int LANCZOS_STEPS = 100;

    private final Objective<S, M> f;
    private final ToDoubleFunction<M> bound;
    private double eta = 1.0;
    private final List<double[]> rows = new ArrayList<>();
    private double integral;

    private CurvatureProfile(Objective<S, M> f, ToDoubleFunction<M> bound) {
        this.f = f;
        this.bound = bound;
    }

    /** A profile of {@code f} without a bound ({@link #bound()} is all NaN). */
    public static <S, M> CurvatureProfile<S, M> of(Objective<S, M> f) {
        return new CurvatureProfile<>(f, null);
    }

    /** A profile of {@code f} recording {@code bound(theta) = B(theta)}, the claim being {@code lambda_min >= -B}. */
    public static <S, M> CurvatureProfile<S, M> withBound(Objective<S, M> f, ToDoubleFunction<M> bound) {
        return new CurvatureProfile<>(f, bound);
    }

    /** A profile of a deep linear net recording the pointwise bound {@link #deepLinearBound}. */
    public static <S, M> CurvatureProfile<S, M> of(DeepLinear<S, M> f) {
        return new CurvatureProfile<>(f, theta -> deepLinearBound(f, theta));
    }

    /**
     * The pointwise bound of Theorem 2's proof (math brief 3b): for {@code f = l(W_N...W_1)},
     * {@code l(W) = 1/(2m)||W X - Y||^2},
     * <pre>
     *   lambda_min(H(theta)) >= -(N-1) ||grad l(W_{N:1})||_F M(theta),   M(theta) = max_{i<j} prod_{l != i,j} ||W_l||_2,
     * </pre>
     * returned as the non-negative number {@code B(theta) = (N-1) ||grad l|| M(theta)} ({@code 0} for
     * {@code N = 1}, where {@code f} is convex). Spectral norms by EJML's SVD, in double.
     */
    public static <S, M> double deepLinearBound(DeepLinear<S, M> f, M theta) {
        int n = f.depth();
        if (n < 2) {
            return 0.0;
        }
        Arithmetic<S, M> a = f.arithmetic();
        List<M> layers = f.layers(theta);
        double[] norms = new double[n];
        for (int l = 0; l < n; l++) {
            M w = layers.get(l);
            norms[l] = NormOps_DDRM.normP2(new DMatrixRMaj(a.rows(w), a.cols(w), true, a.toDoubles(w)));
        }
        double m = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double p = 1.0;
                for (int l = 0; l < n; l++) {
                    if (l != i && l != j) {
                        p *= norms[l];
                    }
                }
                m = Math.max(m, p);
            }
        }
        return (n - 1) * lossGradientNorm(f, theta) * m;
    }

    /** {@code ||grad l(W_{N:1})||_F = ||(1/m)(W X - Y) X'||_F}, the end-to-end loss gradient's norm. */
    public static <S, M> double lossGradientNorm(DeepLinear<S, M> f, M theta) {
        Arithmetic<S, M> a = f.arithmetic();
        M xRows = f.data().inputRows(a);
        M residual = a.minus(a.multTransB(f.endToEnd(theta), xRows), a.transpose(f.data().targetRows(a)));
        M g = a.scale(a.ratio(1, f.data().samples()), a.mult(residual, xRows));
        return Math.sqrt(a.toDouble(a.dot(g, g)));
    }

    /**
     * {@code {lambda_min, lambda_max}} of {@code H(theta)}: dense eigenvalues ({@link DenseSpectrum#valuesOfHessian})
     * up to {@link #DENSE_LIMIT} parameters, else {@link Lanczos} ({@link #LANCZOS_STEPS} steps).
     */
    public static <S, M> double[] extremes(Objective<S, M> f, M theta) {
        if (f.dimension() <= DENSE_LIMIT) {
            double[] v = DenseSpectrum.valuesOfHessian(f, theta);
            return new double[] {v[0], v[v.length - 1]};
        }
        Lanczos.Result r = Lanczos.extremes(f, theta, LANCZOS_STEPS, Lanczos.WORKLOAD_SEED);
        return new double[] {r.min(), r.max()};
    }

    /** {@code lambda_min(H(theta))} ({@link #extremes}). */
    public static <S, M> double lambdaMin(Objective<S, M> f, M theta) {
        return extremes(f, theta)[0];
    }

    @Override
    public void init(M theta0, double eta) {
        this.eta = Checks.positive("eta", eta);
    }

    @Override
    public void handleStep(long k, M theta) {
        record(k * eta, theta);
    }

    /**
     * Adds the sample at time {@code t}.
     *
     * @throws IllegalArgumentException if {@code t} is not finite or not after the previous sample
     */
    public void record(double t, M theta) {
        Checks.finite("t", t);
        if (!rows.isEmpty() && !(t > last()[0])) {
            throw new IllegalArgumentException("sample times must increase: t = " + t + " after " + last()[0]);
        }
        Arithmetic<S, M> a = f.arithmetic();
        double[] ext = extremes(f, theta);
        double lambda = ext[0];
        double negative = Math.min(lambda, 0.0);
        M g = f.gradient(theta);
        double gradNorm = Math.sqrt(a.toDouble(a.dot(g, g)));
        double b = bound == null ? Double.NaN : bound.applyAsDouble(theta);
        if (!rows.isEmpty()) {
            double[] p = last();
            integral += 0.5 * (t - p[0]) * (p[2] + negative);
        }
        rows.add(new double[] {t, lambda, negative, integral, gradNorm, b, ext[1]});
    }

    private double[] last() {
        return rows.get(rows.size() - 1);
    }

    /** The number of samples. */
    public int size() {
        return rows.size();
    }

    private double[] column(int c) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[c];
        }
        return v;
    }

    /** The sample times. */
    public double[] times() {
        return column(0);
    }

    /** {@code lambda_min} at each sample. */
    public double[] lambdaMin() {
        return column(1);
    }

    /** {@code lambda_- = min(lambda_min, 0)} at each sample. */
    public double[] negativePart() {
        return column(2);
    }

    /** The running trapezoid integral of {@code lambda_-} at each sample (0 at the first). */
    public double[] integral() {
        return column(3);
    }

    /** {@code ||grad f||} at each sample. */
    public double[] gradientNorm() {
        return column(4);
    }

    /** {@code lambda_max} at each sample. */
    public double[] lambdaMax() {
        return column(6);
    }

    /** The bound {@code B(theta)} at each sample (NaN without a bound). */
    public double[] bound() {
        return column(5);
    }

    /**
     * {@code max(-lambda_min, 0) / (B + EIGEN_NOISE ||H||)} at each sample, {@code ||H|| = max(|lambda_min|, |lambda_max|)}:
     * at most 1 where the bound holds; 0 where {@code lambda_min >= 0}; NaN without a bound. The
     * {@link #EIGEN_NOISE} term keeps a computed eigenvalue of exact value 0 (rounded to about
     * {@code -1e-16 ||H||}) from counting as a violation where {@code B} vanishes too (at a minimum).
     */
    public double[] boundRatio() {
        double[] r = new double[rows.size()];
        for (int i = 0; i < r.length; i++) {
            double[] row = rows.get(i);
            r[i] = ratio(row[1], row[6], row[5]);
        }
        return r;
    }

    /** {@code max(-lambdaMin, 0) / (b + EIGEN_NOISE max(|lambdaMin|, |lambdaMax|))}, NaN if {@code b} is NaN. */
    public static double ratio(double lambdaMin, double lambdaMax, double b) {
        if (Double.isNaN(b)) {
            return Double.NaN;
        }
        if (lambdaMin >= 0) {
            return 0.0;
        }
        double scale = Math.max(Math.abs(lambdaMin), Math.abs(lambdaMax));
        return -lambdaMin / (b + EIGEN_NOISE * scale);
    }

    /** The largest {@link #boundRatio} (0 when empty). */
    public double maxBoundRatio() {
        return Arrays.stream(boundRatio()).max().orElse(0.0);
    }

    /** The smallest {@code lambda_min} sampled. @throws IllegalStateException if empty */
    public double minLambdaMin() {
        return Arrays.stream(lambdaMin()).min().orElseThrow(() -> new IllegalStateException("no samples"));
    }

    /** The running integral at the last sample (0 when empty). */
    public double totalIntegral() {
        return integral;
    }

    /**
     * {@code lambda_min} against {@code x(t)} for plots, e.g. {@code x = log10 t}, as {@code {xs, ys}}
     * (new arrays); samples with non-finite x dropped.
     */
    public double[][] lambdaMinPoints(DoubleUnaryOperator x) {
        return points(x, 1);
    }

    /** The running integral against {@code x(t)} for plots, as {@code {xs, ys}}; samples with non-finite x dropped. */
    public double[][] integralPoints(DoubleUnaryOperator x) {
        return points(x, 3);
    }

    private double[][] points(DoubleUnaryOperator x, int c) {
        List<double[]> kept = new ArrayList<>();
        for (double[] row : rows) {
            double xv = x.applyAsDouble(row[0]);
            if (Double.isFinite(xv)) {
                kept.add(new double[] {xv, row[c]});
            }
        }
        double[] xs = new double[kept.size()];
        double[] ys = new double[kept.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = kept.get(i)[0];
            ys[i] = kept.get(i)[1];
        }
        return new double[][] {xs, ys};
    }
}

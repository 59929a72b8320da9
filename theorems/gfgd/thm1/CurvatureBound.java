package gfgd.thm1;

/**
 * The curvature bounds on the leading-order error {@code e} of Theorem 1 (math brief, 1b). From
 * {@code d/dt ||e|| <= -lambda_min ||e|| + 1/2 ||H grad f||} Grönwall gives
 * <pre>
 *   ||e(t)|| <= Bmin(t) = 1/2 int_0^t exp(-int_s^t lambda_min) ||H grad f||(s) ds
 *            <= B(t)    = 1/2 int_0^t exp(-int_s^t lambda_-)   ||H grad f||(s) ds,     lambda_- = min(lambda_min, 0),
 * </pre>
 * and, without the exponential factor (the convex-case bound, false in general), {@code (t/2) max_{s<=t} ||H grad f||}.
 *
 * <p>{@code B} and {@code Bmin} solve {@code B' = -lambda B + q/2}, {@code q = ||H grad f||}; they are
 * integrated on the sample grid {@code t_k = k h} by the exponential trapezoidal rule
 * <pre>
 *   B_{k+1} = exp(-h (lambda_k + lambda_{k+1}) / 2) (B_k + h q_k / 4) + h q_{k+1} / 4,
 * </pre>
 * second order in {@code h}. {@link #quadratureError} estimates its error by the same rule on every other
 * sample (Richardson: {@code |B_h - B_2h| / 3}).
 *
 * @param t         the grid {@code t_k}
 * @param lambdaMin {@code lambda_min(H(theta(t_k)))}
 * @param q         {@code ||H grad f||(theta(t_k))}
 * @param negativeIntegral {@code int_0^{t_k} lambda_-} (trapezoidal)
 * @param bound     {@code B(t_k)}
 * @param boundMin  {@code Bmin(t_k)}
 * @param convex    {@code (t_k / 2) max_{s <= t_k} q}, sampled maximum
 */
public record CurvatureBound(double[] t, double[] lambdaMin, double[] q, double[] negativeIntegral, double[] bound,
                             double[] boundMin, double[] convex) {

    /**
     * The bounds on the grid {@code t_k = k h}, {@code k = 0..n}.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or {@code h <= 0}
     */
    public static CurvatureBound integrate(double h, double[] lambdaMin, double[] q) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be positive and finite, got " + h);
        }
        if (lambdaMin.length != q.length || q.length == 0) {
            throw new IllegalArgumentException("lambdaMin and q must have the same positive length, got "
                    + lambdaMin.length + " and " + q.length);
        }
        int n = q.length - 1;
        double[] t = new double[n + 1];
        double[] neg = new double[n + 1];
        double[] convex = new double[n + 1];
        double[] lminus = new double[n + 1];
        double max = q[0];
        for (int k = 0; k <= n; k++) {
            t[k] = k * h;
            lminus[k] = Math.min(lambdaMin[k], 0);
            max = Math.max(max, q[k]);
            convex[k] = t[k] / 2 * max;
            if (k > 0) {
                neg[k] = neg[k - 1] + h * (lminus[k - 1] + lminus[k]) / 2;
            }
        }
        return new CurvatureBound(t, lambdaMin.clone(), q.clone(), neg, solve(h, 1, lminus, q),
                solve(h, 1, lambdaMin, q), convex);
    }

    /** {@code B' = -lambda B + q/2}, {@code B(0) = 0}, on every {@code stride}-th sample, by the exponential trapezoidal rule. */
    static double[] solve(double h, int stride, double[] lambda, double[] q) {
        int n = (q.length - 1) / stride;
        double[] b = new double[n + 1];
        double step = h * stride;
        for (int k = 0; k < n; k++) {
            int i = k * stride;
            int j = i + stride;
            double decay = Math.exp(-step * (lambda[i] + lambda[j]) / 2);
            b[k + 1] = decay * (b[k] + step * q[i] / 4) + step * q[j] / 4;
        }
        return b;
    }

    /**
     * The largest Richardson estimate {@code |B_h - B_2h| / 3} relative to {@code B_h}, over the even samples
     * where {@code B_h > 0}: the relative quadrature error of {@link #bound}.
     */
    public double quadratureError() {
        double h = t.length > 1 ? t[1] - t[0] : 1;
        double[] lminus = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            lminus[k] = Math.min(lambdaMin[k], 0);
        }
        double[] coarse = solve(h, 2, lminus, q);
        double worst = 0;
        for (int k = 1; k < coarse.length; k++) {
            double fine = bound[2 * k];
            if (fine > 0) {
                worst = Math.max(worst, Math.abs(fine - coarse[k]) / 3 / fine);
            }
        }
        return worst;
    }
}

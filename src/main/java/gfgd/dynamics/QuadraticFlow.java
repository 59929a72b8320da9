package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.objective.Quadratic;

/**
 * Gradient flow of the quadratic {@code f = 1/2 x'Ax - b'x} in closed form, for any symmetric
 * {@code A} (definite, indefinite or singular) and any {@code t >= 0}, without stepping:
 * <pre>
 *   theta(t) = e^{-tA} theta0 + (int_0^t e^{-sA} ds) b = [I 0] exp(t B) [theta0; 1],   B = [[-A, b], [0, 0]].
 * </pre>
 * The augmented exponential is computed by scaling and squaring: {@code exp(tB) = (exp(tB / 2^s))^(2^s)}
 * with {@code ||tB / 2^s||_inf <= 1/2} and the Taylor series of {@code exp(tB / 2^s)} summed until its
 * terms fall below the arithmetic's unit roundoff. In apfloat the result is accurate to about the
 * working digits. The error estimate reported is the rounding estimate
 * {@code (K + 2) 2^s u ||exp(tB)||_inf ||[theta0; 1]||_inf}: {@code K} terms of the series, each rounding
 * relative to {@code u}, and each of the {@code s} squarings at most doubling the relative error.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class QuadraticFlow<S, M> {

    private final Arithmetic<S, M> a;
    private final M matrix;
    private final M linear;
    private final int d;

    private QuadraticFlow(Arithmetic<S, M> a, M matrix, M linear) {
        this.a = a;
        this.matrix = a.copy(matrix);
        this.linear = a.copy(linear);
        this.d = a.rows(matrix);
    }

    /**
     * The flow of {@code 1/2 x'Ax - b'x}. Copies {@code A} and {@code b}.
     *
     * @throws IllegalArgumentException if {@code A} is not square or {@code b} is not {@code d x 1}
     */
    public static <S, M> QuadraticFlow<S, M> of(Arithmetic<S, M> a, M A, M b) {
        Checks.same("A rows vs cols", a.rows(A), a.cols(A));
        if (a.rows(b) != a.rows(A) || a.cols(b) != 1) {
            throw new IllegalArgumentException("b must be a " + a.rows(A) + "x1 vector, got "
                    + a.rows(b) + "x" + a.cols(b));
        }
        return new QuadraticFlow<>(a, A, b);
    }

    /** The flow of the objective {@code q}. */
    public static <S, M> QuadraticFlow<S, M> of(Quadratic<S, M> q) {
        return of(q.arithmetic(), q.matrix(), q.linear());
    }

    public int dimension() {
        return d;
    }

    /**
     * {@code theta(t)}. Does not modify {@code theta0}.
     *
     * @throws IllegalArgumentException if {@code t < 0} or {@code theta0} is not {@code d x 1}
     */
    public FlowResult<M> solve(M theta0, S t) {
        if (a.signum(t) < 0) {
            throw new IllegalArgumentException("t must be >= 0, got " + a.toString(t));
        }
        if (a.rows(theta0) != d || a.cols(theta0) != 1) {
            throw new IllegalArgumentException("theta0 must be a " + d + "x1 vector, got "
                    + a.rows(theta0) + "x" + a.cols(theta0));
        }
        int n = d + 1;
        M c = a.zeros(n, n);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a.set(c, i, j, a.negate(a.mul(t, a.get(matrix, i, j))));
            }
            a.set(c, i, d, a.mul(t, a.get(linear, i, 0)));
        }
        double norm = normInf(c);
        int s = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        M scaled = a.scale(a.div(a.one(), pow2(s)), c);
        // Taylor series of exp(scaled), ||scaled|| <= 1/2
        M sum = a.identity(n);
        M term = a.identity(n);
        double u = a.epsilon();
        int k = 1;
        while (true) {
            term = a.scale(a.ratio(1, k), a.mult(term, scaled));
            a.addInPlace(sum, a.one(), term);
            if (normInf(term) <= u * 1e-2 * normInf(sum) || k > 10_000) {
                break;
            }
            k++;
        }
        for (int i = 0; i < s; i++) {
            sum = a.mult(sum, sum);
        }
        M aug = a.zeros(n, 1);
        for (int i = 0; i < d; i++) {
            a.set(aug, i, 0, a.get(theta0, i, 0));
        }
        a.set(aug, d, 0, a.one());
        M full = a.mult(sum, aug);
        M theta = a.unpack(full, 0, d, 1);
        double est = (k + 2) * Math.pow(2, s) * u * normInf(sum) * normInf(aug);
        return new FlowResult<>(theta, a.toDouble(t), est, 0, 0, "closed form exp(tB), 2^" + s + " scaling, " + k + " terms");
    }

    private S pow2(int s) {
        S p = a.one();
        S two = a.of(2);
        for (int i = 0; i < s; i++) {
            p = a.mul(p, two);
        }
        return p;
    }

    /** Max row sum of absolute values, in double. */
    private double normInf(M m) {
        double best = 0;
        for (int i = 0; i < a.rows(m); i++) {
            double row = 0;
            for (int j = 0; j < a.cols(m); j++) {
                row += Math.abs(a.toDouble(a.get(m, i, j)));
            }
            best = Math.max(best, row);
        }
        return best;
    }
}

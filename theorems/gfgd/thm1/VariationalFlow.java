package gfgd.thm1;

import gfgd.dynamics.VectorField;
import gfgd.numeric.Arithmetic;
import gfgd.objective.Objective;

/**
 * Gradient flow augmented with its leading-order GD error: the state {@code (theta, e)} ({@code 2d x 1})
 * solves
 * <pre>
 *   theta' = -grad f(theta),        e' = -H(theta) e - 1/2 H(theta) grad f(theta),     e(0) = 0,
 * </pre>
 * so that {@code theta_k - theta(k eta) = eta e(k eta) + O(eta^2)} for GD minus GF (math brief, 1a; the
 * forcing is minus because {@code theta'' = H grad f} and the Euler local error is
 * {@code -1/2 eta^2 H grad f + O(eta^3)}). For a polynomial objective the field is polynomial (it uses
 * only the objective's gradient and exact Hessian-vector product), so {@code TaylorFlow} integrates it
 * when the objective is built over a {@code TracingArithmetic}.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class VariationalFlow<S, M> implements VectorField<S, M> {

    private final Objective<S, M> f;
    private final Arithmetic<S, M> a;
    private final int d;
    private final S minusHalf;

    private VariationalFlow(Objective<S, M> f) {
        this.f = f;
        this.a = f.arithmetic();
        this.d = f.dimension();
        this.minusHalf = a.ratio(-1, 2);
    }

    /** The augmented field of {@code f}. */
    public static <S, M> VariationalFlow<S, M> of(Objective<S, M> f) {
        if (f == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        return new VariationalFlow<>(f);
    }

    /** The state {@code (theta0, 0)}. */
    public M initialState(M theta0) {
        f.requireParameters(theta0);
        M s = a.zeros(2 * d, 1);
        a.pack(theta0, s, 0);
        return s;
    }

    /** The {@code theta} half of a state (a copy). */
    public M theta(M state) {
        return a.unpack(state, 0, d, 1);
    }

    /** The {@code e} half of a state (a copy). */
    public M error(M state) {
        return a.unpack(state, d, d, 1);
    }

    @Override
    public Arithmetic<S, M> arithmetic() {
        return a;
    }

    @Override
    public int dimension() {
        return 2 * d;
    }

    /** {@code (-g, -H (e + g/2))} with {@code g = grad f(theta)}: one gradient and one Hessian-vector product. */
    @Override
    public M derivative(M state) {
        if (a.rows(state) != 2 * d || a.cols(state) != 1) {
            throw new IllegalArgumentException("state must be a " + 2 * d + "x1 vector, got " + a.rows(state) + "x"
                    + a.cols(state));
        }
        M theta = theta(state);
        M e = error(state);
        M g = f.gradient(theta);
        // -H e - 1/2 H g = -H (e + g/2), one product by linearity
        M hv = f.hessianVectorProduct(theta, a.addScaled(e, a.negate(minusHalf), g));
        M out = a.zeros(2 * d, 1);
        a.pack(a.scale(a.of(-1), g), out, 0);
        a.pack(a.scale(a.of(-1), hv), out, d);
        return out;
    }

    @Override
    public String toString() {
        return "VariationalFlow(" + f + ")";
    }
}

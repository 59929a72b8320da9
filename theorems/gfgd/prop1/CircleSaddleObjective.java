package gfgd.prop1;

import gfgd.numeric.Arithmetic;
import gfgd.objective.Objective;

/**
 * Family B's objective in Cartesian form, in any arithmetic:
 * <pre>
 *   f(p)      = -(a/2)(r - 1)^2 - c p_1 / r,                  r = ||p||,
 *   grad f    = -a (1 - 1/r) p - c (e_1 / r - p_1 p / r^3),
 *   H v       = -a ((1 - 1/r) v + p (p.v) / r^3)
 *               + c (e_1 (p.v) + p v_1 + p_1 v) / r^3 - 3 c p_1 p (p.v) / r^5.
 * </pre>
 * It is smooth on {@code R^2 \ {0}}; the polar iteration of {@link CircleSaddle} is the same gradient
 * descent without the cancellation in {@code r - 1}, and this class is what the two are compared with
 * (see the tests) at moderate {@code m}, where the cancellation is harmless.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class CircleSaddleObjective<S, M> implements Objective<S, M> {

    private final Arithmetic<S, M> ar;
    private final S a;
    private final S c;

    /**
     * @param ar arithmetic
     * @param a  signed radial curvature ({@code m} repelling, {@code -m} attracting), a decimal string
     * @param c  tangential strength, a decimal string
     */
    public CircleSaddleObjective(Arithmetic<S, M> ar, String a, String c) {
        this.ar = ar;
        this.a = ar.parse(a);
        this.c = ar.parse(c);
    }

    @Override
    public Arithmetic<S, M> arithmetic() {
        return ar;
    }

    @Override
    public int dimension() {
        return 2;
    }

    private S radius(M p) {
        requireParameters(p);
        S r = ar.norm(p);
        if (ar.signum(r) == 0) {
            throw new IllegalArgumentException("f is singular at the origin, got p = (0, 0)");
        }
        return r;
    }

    @Override
    public S value(M p) {
        S r = radius(p);
        S d = ar.sub(r, ar.one());
        S radial = ar.mul(ar.mul(ar.ratio(-1, 2), a), ar.mul(d, d));
        return ar.sub(radial, ar.div(ar.mul(c, ar.get(p, 0, 0)), r));
    }

    @Override
    public M gradient(M p) {
        S r = radius(p);
        S r3 = ar.mul(r, ar.mul(r, r));
        S p1 = ar.get(p, 0, 0);
        // -a (1 - 1/r) p + c p_1 p / r^3
        S coefficient = ar.add(ar.negate(ar.mul(a, ar.sub(ar.one(), ar.div(ar.one(), r)))), ar.div(ar.mul(c, p1), r3));
        M g = ar.scale(coefficient, p);
        ar.set(g, 0, 0, ar.sub(ar.get(g, 0, 0), ar.div(c, r)));
        return g;
    }

    @Override
    public M hessianVectorProduct(M p, M v) {
        S r = radius(p);
        S r3 = ar.mul(r, ar.mul(r, r));
        S r5 = ar.mul(r3, ar.mul(r, r));
        S p1 = ar.get(p, 0, 0);
        S v1 = ar.get(v, 0, 0);
        S pv = ar.dot(p, v);
        // v: -a (1 - 1/r) + c p_1 / r^3
        S onV = ar.add(ar.negate(ar.mul(a, ar.sub(ar.one(), ar.div(ar.one(), r)))), ar.div(ar.mul(c, p1), r3));
        // p: -a (p.v) / r^3 + c v_1 / r^3 - 3 c p_1 (p.v) / r^5
        S onP = ar.sub(ar.div(ar.sub(ar.mul(c, v1), ar.mul(a, pv)), r3),
                ar.div(ar.mul(ar.of(3), ar.mul(c, ar.mul(p1, pv))), r5));
        M hv = ar.addScaled(ar.scale(onV, v), onP, p);
        ar.set(hv, 0, 0, ar.add(ar.get(hv, 0, 0), ar.div(ar.mul(c, pv), r3)));
        return hv;
    }

    @Override
    public String toString() {
        return "CircleSaddleObjective[a = " + ar.toString(a) + ", c = " + ar.toString(c) + ", " + ar.name() + "]";
    }
}

package gfgd.objective;

import gfgd.numeric.Arithmetic;

/**
 * The two-dimensional nonconvex polynomial {@code f(x, y) = (x^2 - 1)^2 / 4 + (y - x/2)^2 / 2}: a double
 * well in {@code x} tilted by a quadratic coupling to {@code y}. Parameters are {@code theta = (x, y)}.
 *
 * <pre>
 *   grad f = ( x^3 - x - (y - x/2)/2 ,  y - x/2 )
 *   H      = [[3x^2 - 3/4, -1/2], [-1/2, 1]]
 * </pre>
 *
 * <p>Near the origin the Hessian has a negative eigenvalue (about {@code -0.89} at {@code (0, 0)}), so
 * gradient flow started there first moves away along an unstable direction and then converges to one of
 * the two minima {@code (+-1, +-1/2)}. It is the two-dimensional nonconvex test problem of Theorem 1
 * (math brief, section 1a). Only {@code H_11 = 3x^2 - 3/4} depends on the point, so the Hessian is
 * Lipschitz on every ball with the explicit constant {@link #hessianLipschitzOnBall}. Stateless and
 * immutable apart from its arithmetic.
 *
 * @param <S> scalar type
 * @param <M> matrix type
 */
public final class TiltedDoubleWell<S, M> implements Objective<S, M> {

    private final Arithmetic<S, M> a;
    private final S half;
    private final S quarter;
    private final S three;
    private final S threeQuarters;

    private TiltedDoubleWell(Arithmetic<S, M> a) {
        this.a = a;
        this.half = a.ratio(1, 2);
        this.quarter = a.ratio(1, 4);
        this.three = a.of(3);
        this.threeQuarters = a.ratio(3, 4);
    }

    /** The objective in arithmetic {@code a}. */
    public static <S, M> TiltedDoubleWell<S, M> of(Arithmetic<S, M> a) {
        if (a == null) {
            throw new IllegalArgumentException("arithmetic must not be null");
        }
        return new TiltedDoubleWell<>(a);
    }

    /**
     * A Lipschitz constant of the Hessian on the closed ball {@code B(c, r)}: for {@code z, z'} in the ball,
     * {@code ||H(z) - H(z')||_2 <= L ||z - z'||} with {@code L = 6 (|c_x| + r)}. Only {@code H_11 = 3x^2 - 3/4}
     * varies, and {@code |3x^2 - 3x'^2| = 3|x + x'||x - x'| <= 6 max|x| |x - x'|} with
     * {@code max|x| <= |c_x| + r} on the ball.
     *
     * @param centre the ball's centre {@code (c_x, c_y)} (finite)
     * @param radius the ball's radius (finite, {@code >= 0})
     * @throws IllegalArgumentException naming the bad value
     */
    public static double hessianLipschitzOnBall(double[] centre, double radius) {
        if (centre == null || centre.length != 2) {
            throw new IllegalArgumentException("centre must have 2 entries, got "
                    + (centre == null ? "null" : centre.length));
        }
        if (!Double.isFinite(centre[0]) || !Double.isFinite(centre[1])) {
            throw new IllegalArgumentException("centre must be finite, got (" + centre[0] + ", " + centre[1] + ")");
        }
        if (!(radius >= 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("radius must be finite and >= 0, got " + radius);
        }
        // Rounded up by one ulp so that the double result is an upper bound of the exact expression.
        return Math.nextUp(6 * Math.nextUp(Math.abs(centre[0]) + radius));
    }

    @Override
    public Arithmetic<S, M> arithmetic() {
        return a;
    }

    @Override
    public int dimension() {
        return 2;
    }

    /** {@code (x^2 - 1)^2 / 4 + (y - x/2)^2 / 2}. */
    @Override
    public S value(M theta) {
        requireParameters(theta);
        S x = a.get(theta, 0, 0);
        S y = a.get(theta, 1, 0);
        S w = a.sub(a.mul(x, x), a.one());
        S c = a.sub(y, a.mul(half, x));
        return a.add(a.mul(quarter, a.mul(w, w)), a.mul(half, a.mul(c, c)));
    }

    /** {@code (x^3 - x - (y - x/2)/2, y - x/2)}. */
    @Override
    public M gradient(M theta) {
        requireParameters(theta);
        S x = a.get(theta, 0, 0);
        S y = a.get(theta, 1, 0);
        S c = a.sub(y, a.mul(half, x));
        S gx = a.sub(a.sub(a.mul(x, a.mul(x, x)), x), a.mul(half, c));
        M g = a.zeros(2, 1);
        a.set(g, 0, 0, gx);
        a.set(g, 1, 0, c);
        return g;
    }

    /** {@code H(theta) v} with {@code H = [[3x^2 - 3/4, -1/2], [-1/2, 1]]}. */
    @Override
    public M hessianVectorProduct(M theta, M v) {
        requireParameters(theta);
        if (a.rows(v) != 2 || a.cols(v) != 1) {
            throw new IllegalArgumentException("v must be a 2x1 vector, got " + a.rows(v) + "x" + a.cols(v));
        }
        S h11 = h11(a.get(theta, 0, 0));
        S v0 = a.get(v, 0, 0);
        S v1 = a.get(v, 1, 0);
        M hv = a.zeros(2, 1);
        a.set(hv, 0, 0, a.sub(a.mul(h11, v0), a.mul(half, v1)));
        a.set(hv, 1, 0, a.sub(v1, a.mul(half, v0)));
        return hv;
    }

    /** {@code [[3x^2 - 3/4, -1/2], [-1/2, 1]]}. */
    @Override
    public M hessian(M theta) {
        requireParameters(theta);
        M h = a.zeros(2, 2);
        S minusHalf = a.negate(half);
        a.set(h, 0, 0, h11(a.get(theta, 0, 0)));
        a.set(h, 0, 1, minusHalf);
        a.set(h, 1, 0, minusHalf);
        a.set(h, 1, 1, a.one());
        return h;
    }

    private S h11(S x) {
        return a.sub(a.mul(three, a.mul(x, x)), threeQuarters);
    }

    @Override
    public boolean isPolynomial() {
        return true;
    }

    @Override
    public String toString() {
        return "TiltedDoubleWell(" + a.name() + ")";
    }
}

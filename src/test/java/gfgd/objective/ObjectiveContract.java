package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.Arithmetic;

/**
 * Reusable assertions every {@link Objective} must satisfy: its gradient and Hessian-vector product are
 * the derivatives of its value and gradient (checked against central differences in high precision),
 * its Hessian is symmetric and consistent with the Hessian-vector product, and it computes the same
 * numbers in every arithmetic. Each assertion takes the tolerance from the caller, so each caller
 * names and justifies its own.
 *
 * <p>Central differences {@code (F(theta + h u) - F(theta - h u)) / (2h)} have truncation error
 * {@code O(h^2)} and rounding error {@code O(eps / h)}; run them in apfloat with {@code eps} far below
 * {@code h^3} (for example 60 digits and {@code h = 1e-20}: truncation ~1e-40, rounding ~1e-50) and
 * they are a reference to far more digits than any tolerance asks for.
 */
public final class ObjectiveContract {

    /** Rounding in the differences must stay this far below the requested tolerance. */
    private static final double ROUNDING_MARGIN = 1e-3;

    private ObjectiveContract() {
    }

    /**
     * {@code ||actual - expected||_F / ||expected||_F}, evaluated in {@code a} and returned as a double;
     * the absolute error {@code ||actual - expected||_F} when {@code expected} is zero.
     */
    public static <S, M> double relativeError(Arithmetic<S, M> a, M expected, M actual) {
        double err = a.toDouble(a.norm(a.minus(actual, expected)));
        double ref = a.toDouble(a.norm(expected));
        return ref == 0 ? err : err / ref;
    }

    /** {@code ||actual - expected|| / ||expected||} in double (absolute error when {@code expected} is zero). */
    public static double relativeError(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "lengths");
        double err = 0;
        double ref = 0;
        for (int i = 0; i < expected.length; i++) {
            err += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            ref += expected[i] * expected[i];
        }
        return ref == 0 ? Math.sqrt(err) : Math.sqrt(err / ref);
    }

    /**
     * Asserts {@code ||grad f(theta) - g_cd|| <= tolerance * ||g_cd||}, where
     * {@code (g_cd)_i = (f(theta + h e_i) - f(theta - h e_i)) / (2h)} is evaluated in {@code f}'s arithmetic.
     *
     * @param step the decimal step {@code h}, e.g. {@code "1e-20"}
     */
    public static <S, M> void assertGradientMatchesCentralDifferences(Objective<S, M> f, M theta, String step,
                                                                      double tolerance) {
        Arithmetic<S, M> a = f.arithmetic();
        S h = requireFineEnough(a, step, tolerance);
        S twoH = a.add(h, h);
        int d = f.dimension();
        M cd = a.zeros(d, 1);
        for (int i = 0; i < d; i++) {
            M plus = a.copy(theta);
            M minus = a.copy(theta);
            a.set(plus, i, 0, a.add(a.get(theta, i, 0), h));
            a.set(minus, i, 0, a.sub(a.get(theta, i, 0), h));
            a.set(cd, i, 0, a.div(a.sub(f.value(plus), f.value(minus)), twoH));
        }
        double err = relativeError(a, cd, f.gradient(theta));
        assertTrue(err <= tolerance, () -> f + ": gradient differs from central differences by " + err
                + " (relative), tolerance " + tolerance);
    }

    /**
     * Asserts {@code ||H(theta) v - hv_cd|| <= tolerance * ||hv_cd||}, where
     * {@code hv_cd = (grad f(theta + h v) - grad f(theta - h v)) / (2h)} is evaluated in {@code f}'s arithmetic.
     */
    public static <S, M> void assertHessianVectorProductMatchesCentralDifferences(Objective<S, M> f, M theta, M v,
                                                                                  String step, double tolerance) {
        Arithmetic<S, M> a = f.arithmetic();
        S h = requireFineEnough(a, step, tolerance);
        M cd = centralDifferenceOfGradient(f, theta, v, h);
        double err = relativeError(a, cd, f.hessianVectorProduct(theta, v));
        assertTrue(err <= tolerance, () -> f + ": Hessian-vector product differs from central differences by "
                + err + " (relative), tolerance " + tolerance);
    }

    /**
     * Asserts, column by column, that {@code H(theta) e_i} matches the central difference of the gradient
     * along {@code e_i} to {@code tolerance} relative to the whole Hessian's Frobenius norm.
     */
    public static <S, M> void assertHessianMatchesCentralDifferences(Objective<S, M> f, M theta, String step,
                                                                     double tolerance) {
        Arithmetic<S, M> a = f.arithmetic();
        S h = requireFineEnough(a, step, tolerance);
        int d = f.dimension();
        M e = a.zeros(d, 1);
        S errSq = a.zero();
        S refSq = a.zero();
        for (int i = 0; i < d; i++) {
            a.set(e, i, 0, a.one());
            M cd = centralDifferenceOfGradient(f, theta, e, h);
            M diff = a.minus(f.hessianVectorProduct(theta, e), cd);
            a.set(e, i, 0, a.zero());
            errSq = a.add(errSq, a.dot(diff, diff));
            refSq = a.add(refSq, a.dot(cd, cd));
        }
        double err = a.toDouble(a.sqrt(errSq));
        double ref = a.toDouble(a.sqrt(refSq));
        double rel = ref == 0 ? err : err / ref;
        assertTrue(rel <= tolerance, () -> f + ": Hessian differs from central differences of the gradient by "
                + rel + " (relative), tolerance " + tolerance);
    }

    /**
     * Asserts that the matrix whose columns are {@code H e_i} (from the Hessian-vector product, not
     * symmetrised) is symmetric, and that the dense {@link Objective#hessian} times {@code v} equals the
     * Hessian-vector product along {@code v}, both to {@code tolerance} relative.
     */
    public static <S, M> void assertHessianSymmetricAndConsistent(Objective<S, M> f, M theta, M v, double tolerance) {
        Arithmetic<S, M> a = f.arithmetic();
        int d = f.dimension();
        M columns = a.zeros(d, d);
        M e = a.zeros(d, 1);
        for (int j = 0; j < d; j++) {
            a.set(e, j, 0, a.one());
            M col = f.hessianVectorProduct(theta, e);
            a.set(e, j, 0, a.zero());
            for (int i = 0; i < d; i++) {
                a.set(columns, i, j, a.get(col, i, 0));
            }
        }
        double asym = relativeError(a, columns, a.transpose(columns));
        assertTrue(asym <= tolerance, () -> f + ": Hessian asymmetry " + asym + " (relative), tolerance " + tolerance);
        M dense = f.hessian(theta);
        assertEquals(d, a.rows(dense), "Hessian rows");
        assertEquals(d, a.cols(dense), "Hessian cols");
        double err = relativeError(a, f.hessianVectorProduct(theta, v), a.mult(dense, v));
        assertTrue(err <= tolerance, () -> f + ": dense Hessian times v differs from the Hessian-vector product by "
                + err + " (relative), tolerance " + tolerance);
    }

    /**
     * Asserts that two instances of the same objective in two arithmetics agree at {@code theta} (taken
     * exactly in both): values, gradients and the Hessian-vector products along {@code v}, each to
     * {@code tolerance} relative.
     */
    public static <S1, M1, S2, M2> void assertArithmeticsAgree(Objective<S1, M1> f, Objective<S2, M2> g,
                                                               double[] theta, double[] v, double tolerance) {
        Arithmetic<S1, M1> a = f.arithmetic();
        Arithmetic<S2, M2> b = g.arithmetic();
        assertEquals(f.dimension(), g.dimension(), "dimensions");
        M1 ta = a.vector(theta);
        M2 tb = b.vector(theta);
        double fa = a.toDouble(f.value(ta));
        double fb = b.toDouble(g.value(tb));
        double valueErr = fb == 0 ? Math.abs(fa) : Math.abs(fa - fb) / Math.abs(fb);
        assertTrue(valueErr <= tolerance, () -> "values " + fa + " (" + a.name() + ") and " + fb + " (" + b.name()
                + ") differ by " + valueErr + " (relative), tolerance " + tolerance);
        double gradErr = relativeError(b.toDoubles(g.gradient(tb)), a.toDoubles(f.gradient(ta)));
        assertTrue(gradErr <= tolerance, () -> "gradients in " + a.name() + " and " + b.name() + " differ by "
                + gradErr + " (relative), tolerance " + tolerance);
        double hvpErr = relativeError(b.toDoubles(g.hessianVectorProduct(tb, b.vector(v))),
                a.toDoubles(f.hessianVectorProduct(ta, a.vector(v))));
        assertTrue(hvpErr <= tolerance, () -> "Hessian-vector products in " + a.name() + " and " + b.name()
                + " differ by " + hvpErr + " (relative), tolerance " + tolerance);
    }

    private static <S, M> M centralDifferenceOfGradient(Objective<S, M> f, M theta, M v, S h) {
        Arithmetic<S, M> a = f.arithmetic();
        M plus = a.addScaled(theta, h, v);
        M minus = a.addScaled(theta, a.negate(h), v);
        return a.scale(a.div(a.one(), a.add(h, h)), a.minus(f.gradient(plus), f.gradient(minus)));
    }

    /** The step {@code h}, after checking that rounding ({@code eps / h}) stays well below the tolerance. */
    private static <S, M> S requireFineEnough(Arithmetic<S, M> a, String step, double tolerance) {
        S h = a.parse(step);
        double rounding = a.epsilon() / a.toDouble(h);
        if (rounding > ROUNDING_MARGIN * tolerance) {
            throw new IllegalArgumentException("arithmetic " + a.name() + " is too coarse for step " + step
                    + " and tolerance " + tolerance + ": rounding error ~" + rounding);
        }
        return h;
    }
}

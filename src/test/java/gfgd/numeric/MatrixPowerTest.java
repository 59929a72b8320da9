package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.dynamics.GradientDescent;
import gfgd.objective.Quadratic;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MatrixPowerTest {

    /**
     * k = 1000 steps at 40 digits + 10 guard: iteration and squaring each round ~1000 times at
     * 10^-50, so they agree to ~10^-47 (5.8e-49 measured); 1e-45 leaves room without hiding a wrong exponent.
     */
    private static final double ITERATION_VS_SQUARING_TOLERANCE = 1e-45;

    /**
     * k = 1e18 (or Long.MAX_VALUE) at 40 digits + 10 guard: the rounding of the base (10^-50 relative) is
     * raised to the power k, an error of up to k * 10^-50 = 10^-32 (3.9e-34 and 7.2e-32 measured); the
     * references are computed at 100 digits.
     */
    private static final double HUGE_K_TOLERANCE = 1e-30;

    /** (1 - eta lambda)^k = exp(-lambda k eta - lambda^2 k eta^2 / 2 + ...): with k eta = 1, eta = 1e-18 the gap is ~1e-18. */
    private static final double EXP_LIMIT_TOLERANCE = 1e-17;

    /** 37th power of a 2x2 matrix in double: about 10 products, each a few ulps. */
    private static final double DOUBLE_TOLERANCE = 1e-12;

    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(40);
    private static final ApfloatArithmetic REF = ApfloatArithmetic.digits(100);
    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** A = Q diag(1, 3) Q', Q = [[0.6, -0.8], [0.8, 0.6]]: exact decimals. */
    private static final String[] A = {"2.28", "-0.96", "-0.96", "1.72"};
    private static final String[] Q = {"0.6", "-0.8", "0.8", "0.6"};
    private static final long[] LAMBDA = {1, 3};
    private static final String[] X0 = {"0.7", "-1.3"};

    @Test
    void smallPowersAreRepeatedProducts() {
        DMatrixRMaj m = D.fromDoubles(2, 2, 1, 1, 0, 1);
        assertArrayEquals(new double[] {1, 0, 0, 1}, D.toDoubles(MatrixPower.power(D, m, 0)), 0.0);
        assertArrayEquals(new double[] {1, 1, 0, 1}, D.toDoubles(MatrixPower.power(D, m, 1)), 0.0);
        assertArrayEquals(new double[] {1, 13, 0, 1}, D.toDoubles(MatrixPower.power(D, m, 13)), 0.0);
        DMatrixRMaj fib = D.fromDoubles(2, 2, 1, 1, 1, 0);
        assertArrayEquals(new double[] {89, 55, 55, 34}, D.toDoubles(MatrixPower.power(D, fib, 10)), 0.0);
        assertArrayEquals(new double[] {1, 1, 1, 0}, D.toDoubles(fib), 0.0, "A is not modified");
    }

    @Test
    void exponentsUpToLongMaxValueAreReached() {
        ApMatrix base = AP.fromStrings(1, 1, "1.0000000001");
        Apfloat expected = org.apfloat.ApfloatMath.pow(REF.parse("1.0000000001"), Long.MAX_VALUE);
        Apfloat actual = AP.get(MatrixPower.power(AP, base, Long.MAX_VALUE), 0, 0);
        double rel = Math.abs(REF.toDouble(REF.div(REF.sub(actual, expected), expected)));
        assertTrue(rel < HUGE_K_TOLERANCE, "relative error " + rel); // base rounding 10^-50 times k = 9.2e18
    }

    @Test
    void gradientDescentByIterationEqualsTheMatrixPower() {
        Quadratic<Apfloat, ApMatrix> q = Quadratic.of(AP, AP.fromStrings(2, 2, A));
        Apfloat eta = AP.parse("0.001");
        int k = 1000;
        ApMatrix iterated = GradientDescent.of(q, eta).run(AP.fromStrings(2, 1, X0), k).state();
        ApMatrix stepMatrix = AP.minus(AP.identity(2), AP.scale(eta, AP.fromStrings(2, 2, A)));
        ApMatrix squared = AP.mult(MatrixPower.power(AP, stepMatrix, k), AP.fromStrings(2, 1, X0));
        assertRelativelyClose(squared, iterated, ITERATION_VS_SQUARING_TOLERANCE);
    }

    @Test
    void squaringReachesTenToTheEighteenStepsAndMatchesTheEigenClosedForm() {
        long k = 1_000_000_000_000_000_000L;
        Apfloat eta = AP.parse("1e-18");
        ApMatrix stepMatrix = AP.minus(AP.identity(2), AP.scale(eta, AP.fromStrings(2, 2, A)));
        ApMatrix xk = AP.mult(MatrixPower.power(AP, stepMatrix, k), AP.fromStrings(2, 1, X0));

        // closed form at 100 digits: Q diag((1 - eta lambda_i)^k) Q' x0, with the power as exp(k log(.))
        Apfloat etaRef = REF.parse("1e-18");
        ApMatrix closed = REF.zeros(2, 2);
        ApMatrix limit = REF.zeros(2, 2);
        for (int i = 0; i < 2; i++) {
            Apfloat base = REF.sub(REF.one(), REF.mul(etaRef, REF.of(LAMBDA[i])));
            REF.set(closed, i, i, REF.exp(REF.mul(REF.of(k), REF.log(base))));
            REF.set(limit, i, i, REF.exp(REF.of(-LAMBDA[i])));
        }
        ApMatrix qm = REF.fromStrings(2, 2, Q);
        ApMatrix x0 = REF.fromStrings(2, 1, X0);
        ApMatrix expected = REF.mult(qm, REF.mult(closed, REF.multTransA(qm, x0)));
        ApMatrix expOfMinusA = REF.mult(qm, REF.mult(limit, REF.multTransA(qm, x0)));
        assertRelativelyClose(expected, xk, HUGE_K_TOLERANCE);
        assertRelativelyClose(expOfMinusA, xk, EXP_LIMIT_TOLERANCE);
        double gap = relative(expOfMinusA, xk);
        assertTrue(gap > 1e-20, "GD at eta = 1e-18 is not exactly the flow: gap " + gap);
    }

    @Test
    void doubleAndApfloatPowersAgree() {
        DMatrixRMaj md = D.fromStrings(2, 2, A);
        ApMatrix ma = AP.fromStrings(2, 2, A);
        double[] pd = D.toDoubles(MatrixPower.power(D, D.scale(0.5, md), 37));
        double[] pa = AP.toDoubles(MatrixPower.power(AP, AP.scale(AP.parse("0.5"), ma), 37));
        for (int i = 0; i < 4; i++) {
            assertEquals(pa[i], pd[i], DOUBLE_TOLERANCE * Math.abs(pa[i]), "entry " + i);
        }
    }

    @Test
    void negativeExponentAndNonSquareMatrixAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixPower.power(D, D.identity(2), -1));
        assertTrue(e.getMessage().contains("k must be >= 0") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixPower.power(D, D.zeros(2, 3), 2));
        assertTrue(e.getMessage().contains("square") && e.getMessage().contains("2x3"), e.getMessage());
    }

    private static double relative(ApMatrix expected, ApMatrix actual) {
        return REF.toDouble(REF.div(REF.norm(REF.minus(expected, actual)), REF.norm(expected)));
    }

    private static void assertRelativelyClose(ApMatrix expected, ApMatrix actual, double tol) {
        double rel = relative(expected, actual);
        assertTrue(rel <= tol, "relative error " + rel + " > " + tol);
    }
}

package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.DoubleArithmetic;
import java.util.Random;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class QuadraticTest {

    /** Central differences of a quadratic are exact up to rounding (~10^-70 / h at 70 working digits). */
    private static final double CENTRAL_DIFFERENCE_TOLERANCE = 1e-25;

    /** Difference step: small enough to be far from the data scale, large enough that rounding/h stays tiny. */
    private static final String CENTRAL_DIFFERENCE_STEP = "1e-20";

    /** Double and apfloat evaluate the same formulas; a 4x4 instance accumulates a few ulps of 2^-53. */
    private static final double CROSS_ARITHMETIC_TOLERANCE = 1e-12;

    private static final long SEED = 20211206L;
    private static final int N = 4;

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(60);

    /** A fixed random symmetric matrix, vector and point (doubles, taken exactly by apfloat). */
    private static double[][] instance() {
        Random r = new Random(SEED);
        double[] A = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = i; j < N; j++) {
                double v = r.nextGaussian();
                A[i * N + j] = v;
                A[j * N + i] = v;
            }
        }
        double[] b = new double[N];
        double[] x = new double[N];
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            b[i] = r.nextGaussian();
            x[i] = r.nextGaussian();
            v[i] = r.nextGaussian();
        }
        return new double[][] {A, b, x, v};
    }

    private static <S, M> Quadratic<S, M> quadratic(Arithmetic<S, M> a) {
        double[][] in = instance();
        return Quadratic.of(a, a.fromDoubles(N, N, in[0]), a.vector(in[1]));
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheValue() {
        Quadratic<Apfloat, ApMatrix> q = quadratic(AP);
        ApMatrix x = AP.vector(instance()[2]);
        ApMatrix g = q.gradient(x);
        Apfloat h = AP.parse(CENTRAL_DIFFERENCE_STEP);
        Apfloat twoH = AP.mul(AP.of(2), h);
        for (int i = 0; i < N; i++) {
            ApMatrix plus = AP.copy(x);
            ApMatrix minus = AP.copy(x);
            AP.set(plus, i, 0, AP.add(AP.get(x, i, 0), h));
            AP.set(minus, i, 0, AP.sub(AP.get(x, i, 0), h));
            Apfloat fd = AP.div(AP.sub(q.value(plus), q.value(minus)), twoH);
            assertRelativelyClose(AP, AP.get(g, i, 0), fd, CENTRAL_DIFFERENCE_TOLERANCE);
        }
    }

    @Test
    void hessianVectorProductMatchesCentralDifferencesOfTheGradient() {
        Quadratic<Apfloat, ApMatrix> q = quadratic(AP);
        double[][] in = instance();
        ApMatrix x = AP.vector(in[2]);
        ApMatrix v = AP.vector(in[3]);
        ApMatrix hv = q.hessianVectorProduct(x, v);
        Apfloat h = AP.parse(CENTRAL_DIFFERENCE_STEP);
        ApMatrix fd = AP.scale(AP.div(AP.one(), AP.mul(AP.of(2), h)),
                AP.minus(q.gradient(AP.addScaled(x, h, v)), q.gradient(AP.addScaled(x, AP.negate(h), v))));
        for (int i = 0; i < N; i++) {
            assertRelativelyClose(AP, AP.get(hv, i, 0), AP.get(fd, i, 0), CENTRAL_DIFFERENCE_TOLERANCE);
        }
    }

    @Test
    void doubleAndApfloatAgree() {
        Quadratic<Double, DMatrixRMaj> qd = quadratic(D);
        Quadratic<Apfloat, ApMatrix> qa = quadratic(AP);
        double[][] in = instance();
        DMatrixRMaj xd = D.vector(in[2]);
        ApMatrix xa = AP.vector(in[2]);
        assertEquals(AP.toDouble(qa.value(xa)), qd.value(xd),
                CROSS_ARITHMETIC_TOLERANCE * Math.abs(qd.value(xd)));
        assertVectorsClose(AP.toDoubles(qa.gradient(xa)), D.toDoubles(qd.gradient(xd)));
        assertVectorsClose(AP.toDoubles(qa.hessianVectorProduct(xa, AP.vector(in[3]))),
                D.toDoubles(qd.hessianVectorProduct(xd, D.vector(in[3]))));
    }

    @Test
    void satisfiesTheObjectiveContract() {
        double[][] in = instance();
        Quadratic<Apfloat, ApMatrix> q = quadratic(AP);
        ApMatrix x = AP.vector(in[2]);
        ObjectiveContract.assertGradientMatchesCentralDifferences(q, x, CENTRAL_DIFFERENCE_STEP,
                CENTRAL_DIFFERENCE_TOLERANCE);
        ObjectiveContract.assertHessianVectorProductMatchesCentralDifferences(q, x, AP.vector(in[3]),
                CENTRAL_DIFFERENCE_STEP, CENTRAL_DIFFERENCE_TOLERANCE);
        ObjectiveContract.assertHessianMatchesCentralDifferences(q, x, CENTRAL_DIFFERENCE_STEP,
                CENTRAL_DIFFERENCE_TOLERANCE);
        ObjectiveContract.assertHessianSymmetricAndConsistent(q, x, AP.vector(in[3]), CENTRAL_DIFFERENCE_TOLERANCE);
        ObjectiveContract.assertArithmeticsAgree(quadratic(D), q, in[2], in[3], CROSS_ARITHMETIC_TOLERANCE);
    }

    @Test
    void valueIsTheQuadraticFormAtAKnownPoint() {
        // A = diag(2, 4), b = (1, 1), x = (1, 1): f = 1/2 (2 + 4) - 2 = 1, grad = (1, 3)
        Quadratic<Apfloat, ApMatrix> q = Quadratic.of(AP, AP.fromStrings(2, 2, "2", "0", "0", "4"),
                AP.fromStrings(2, 1, "1", "1"));
        ApMatrix x = AP.fromStrings(2, 1, "1", "1");
        assertEquals(0, AP.compare(AP.one(), q.value(x)));
        assertEquals(0, AP.compare(AP.one(), AP.get(q.gradient(x), 0, 0)));
        assertEquals(0, AP.compare(AP.of(3), AP.get(q.gradient(x), 1, 0)));
    }

    @Test
    void hessianIsTheMatrixAndTheObjectiveIsPolynomial() {
        Quadratic<Double, DMatrixRMaj> q = quadratic(D);
        double[][] in = instance();
        org.junit.jupiter.api.Assertions.assertArrayEquals(in[0], D.toDoubles(q.hessian(D.vector(in[2]))), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(in[0], D.toDoubles(q.matrix()), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(in[1], D.toDoubles(q.linear()), 0.0);
        assertTrue(q.isPolynomial());
        assertEquals(N, q.dimension());
    }

    @Test
    void inputsAreCopiedAtTheBoundary() {
        DMatrixRMaj A = D.fromDoubles(2, 2, 1, 0, 0, 1);
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, A);
        A.set(0, 0, 5.0);
        q.matrix().set(1, 1, 7.0);
        assertEquals(1.0, q.matrix().get(0, 0));
        assertEquals(1.0, q.matrix().get(1, 1));
    }

    @Test
    void asymmetricMatrixIsRejectedNamingTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Quadratic.of(D, D.fromDoubles(3, 3, 1, 0, 0, 0, 1, 0.5, 0, 0.25, 1)));
        assertTrue(e.getMessage().contains("A[1][2] = 0.5") && e.getMessage().contains("A[2][1] = 0.25"),
                e.getMessage());
    }

    @Test
    void dimensionMismatchIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Quadratic.of(D, D.fromDoubles(2, 2, 1, 0, 0, 1), D.vector(1, 2, 3)));
        assertTrue(e.getMessage().contains("b must be a 2x1 vector") && e.getMessage().contains("3x1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quadratic.of(D, D.zeros(2, 3)));
        assertTrue(e.getMessage().contains("A must be square") && e.getMessage().contains("2x3"), e.getMessage());
    }

    @Test
    void nonFiniteMatrixIsRejected() {
        DMatrixRMaj A = D.fromDoubles(2, 2, 1, 0, 0, 1);
        A.set(1, 1, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quadratic.of(D, A));
        assertTrue(e.getMessage().contains("[1][1] = NaN"), e.getMessage());
    }

    @Test
    void parametersOfTheWrongSizeAreRejected() {
        Quadratic<Double, DMatrixRMaj> q = quadratic(D);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.gradient(D.vector(1, 2)));
        assertTrue(e.getMessage().contains("4x1") && e.getMessage().contains("2x1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> q.hessianVectorProduct(D.vector(1, 2, 3, 4), D.vector(1, 2)));
        assertTrue(e.getMessage().contains("v must be a 4x1") && e.getMessage().contains("2x1"), e.getMessage());
    }

    private static void assertRelativelyClose(ApfloatArithmetic a, Apfloat expected, Apfloat actual, double tol) {
        double rel = a.toDouble(a.abs(a.sub(expected, actual))) / Math.max(a.toDouble(a.abs(expected)), 1e-300);
        assertTrue(rel <= tol, "relative error " + rel + " > " + tol + ": " + expected + " vs " + actual);
    }

    private static void assertVectorsClose(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], CROSS_ARITHMETIC_TOLERANCE * Math.max(1, Math.abs(expected[i])),
                    "entry " + i);
        }
    }

    @Test
    void aQuadraticDescribesItsSizeAndArithmetic() {
        assertEquals("Quadratic(n=2, double)", Quadratic.of(D, D.fromDoubles(2, 2, 1, 0, 0, 1)).toString());
        assertEquals("Quadratic(n=1, apfloat(60+10))", Quadratic.of(AP, AP.fromDoubles(1, 1, 2)).toString());
    }
}

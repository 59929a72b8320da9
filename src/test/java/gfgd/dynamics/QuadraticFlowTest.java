package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The closed-form flow of {@code 1/2 x'Ax - b'x} against the flow written in the eigenbasis of {@code A}:
 * with {@code A = Q diag(lambda) Q'}, {@code phi = Q' theta} and {@code c = Q' b} decouple into
 * {@code phi_i(t) = e^{-lambda_i t} phi_i(0) + c_i (1 - e^{-lambda_i t}) / lambda_i} ({@code phi_i(0) + t c_i}
 * where {@code lambda_i = 0}), computed here with the arithmetic's own exponential at higher precision.
 */
class QuadraticFlowTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** The flow runs at 40 digits (50 working); the eigenbasis reference at 60. */
    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(40);
    private static final ApfloatArithmetic REF = ApfloatArithmetic.digits(60);

    /** 40 digits asked: the closed form must be right to 40 digits relative to the solution. */
    private static final double FORTY_DIGITS = 1e-40;

    /** A double closed form against exp in double: a few hundred units of roundoff at most. */
    private static final double DOUBLE_ROUNDOFF = 1e-13;

    /** The documented estimate is a double formula of the computed exponential: equal up to double rounding. */
    private static final double ESTIMATE_RELATIVE = 1e-12;

    /** The rotation by the angle with cosine 3/5 in the first two coordinates: exact in decimal. */
    private static final String[] Q = {
        "0.6", "-0.8", "0",
        "0.8", "0.6", "0",
        "0", "0", "1"};

    /** Eigenvalues of both signs and a zero one: definite in no direction, singular. */
    private static final String[] LAMBDA = {"2", "-0.5", "0"};

    private static final String[] B = {"1", "-0.5", "0.25"};

    private static final String[] START = {"0.1", "0.2", "-0.3"};

    /** {@code Q diag(lambda) Q'} in arithmetic {@code a} (exact: every entry is a short decimal). */
    private static ApMatrix matrix(ApfloatArithmetic a) {
        ApMatrix q = a.fromStrings(3, 3, Q);
        ApMatrix lambda = a.zeros(3, 3);
        for (int i = 0; i < 3; i++) {
            a.set(lambda, i, i, a.parse(LAMBDA[i]));
        }
        return a.multTransB(a.mult(q, lambda), q);
    }

    /** {@code theta(t)} from the decoupled flow in the eigenbasis, in {@link #REF}. */
    private static ApMatrix eigenbasis(Apfloat t) {
        ApfloatArithmetic a = REF;
        ApMatrix q = a.fromStrings(3, 3, Q);
        ApMatrix phi0 = a.multTransA(q, a.fromStrings(3, 1, START));
        ApMatrix c = a.multTransA(q, a.fromStrings(3, 1, B));
        ApMatrix phi = a.zeros(3, 1);
        for (int i = 0; i < 3; i++) {
            Apfloat lambda = a.parse(LAMBDA[i]);
            Apfloat p0 = a.get(phi0, i, 0);
            Apfloat ci = a.get(c, i, 0);
            Apfloat value;
            if (a.signum(lambda) == 0) {
                value = a.add(p0, a.mul(t, ci));
            } else {
                Apfloat e = a.exp(a.negate(a.mul(lambda, t)));
                value = a.add(a.mul(e, p0), a.div(a.mul(ci, a.sub(a.one(), e)), lambda));
            }
            a.set(phi, i, 0, value);
        }
        return a.mult(q, phi);
    }

    private static double maxDiff(ApMatrix x, ApMatrix reference) {
        double m = 0;
        for (int i = 0; i < REF.rows(reference); i++) {
            Apfloat xi = REF.parse(AP.toString(AP.get(x, i, 0)));
            m = Math.max(m, Math.abs(REF.toDouble(REF.sub(xi, REF.get(reference, i, 0)))));
        }
        return m;
    }

    private static double normInf(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void closedFormEqualsTheEigenbasisFlowToFortyDigitsOnAnIndefiniteSingularMatrix() {
        QuadraticFlow<Apfloat, ApMatrix> flow = QuadraticFlow.of(AP, matrix(AP), AP.fromStrings(3, 1, B));
        assertEquals(3, flow.dimension());
        ApMatrix theta0 = AP.fromStrings(3, 1, START);
        for (String t : new String[] {"0.1", "1", "3.7"}) {
            FlowResult<ApMatrix> r = flow.solve(theta0, AP.parse(t));
            ApMatrix exact = eigenbasis(REF.parse(t));
            double err = maxDiff(r.theta(), exact);
            double scale = normInf(REF.toDoubles(exact));
            assertTrue(err <= FORTY_DIGITS * scale, "t = " + t + ": relative error " + err / scale);
            assertTrue(err <= r.errorEstimate(), "t = " + t + ": error " + err + " above estimate " + r.errorEstimate());
            assertEquals(Double.parseDouble(t), r.time());
            assertEquals(0, r.steps());
            assertEquals(0, r.crossings());
        }
        assertEquals(0, AP.compare(AP.parse("0.1"), AP.get(theta0, 0, 0)), "theta0 is not modified");
    }

    @Test
    void atTimeZeroTheFlowIsTheStartExactly() {
        QuadraticFlow<Apfloat, ApMatrix> flow = QuadraticFlow.of(AP, matrix(AP), AP.fromStrings(3, 1, B));
        ApMatrix theta0 = AP.fromStrings(3, 1, START);
        FlowResult<ApMatrix> r = flow.solve(theta0, AP.zero());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, AP.compare(AP.get(theta0, i, 0), AP.get(r.theta(), i, 0)), "component " + i);
        }
        assertEquals(0.0, r.time());
    }

    @Test
    void doubleClosedFormOfADiagonalQuadraticIsTheScalarFlowsAndItsEstimateIsTheDocumentedBound() {
        // f = 1/2 (4 x^2 + y^2) - (x - 2y): x(t) = e^{-4t} x0 + (1 - e^{-4t}) / 4, y(t) = e^{-t} y0 - 2 (1 - e^{-t})
        QuadraticFlow<Double, DMatrixRMaj> flow = QuadraticFlow.of(D, D.fromDoubles(2, 2, 4, 0, 0, 1), D.vector(1, -2));
        double x0 = 0.5;
        double y0 = -3;
        double t = 1;
        FlowResult<DMatrixRMaj> r = flow.solve(D.vector(x0, y0), t);
        double ex = Math.exp(-4 * t);
        double ey = Math.exp(-t);
        double[] expected = {ex * x0 + (1 - ex) / 4, ey * y0 - 2 * (1 - ey)};
        double[] got = D.toDoubles(r.theta());
        assertEquals(expected[0], got[0], DOUBLE_ROUNDOFF);
        assertEquals(expected[1], got[1], DOUBLE_ROUNDOFF);
        // ||tB||_inf = max(4 + 1, 1 + 2) = 5: the least s with 5 / 2^s <= 1/2 is 4
        String method = r.method();
        assertTrue(method.startsWith("closed form exp(tB), 2^4 scaling, "), method);
        int k = Integer.parseInt(method.substring(method.lastIndexOf(", ") + 2, method.indexOf(" terms")));
        // (K + 2) 2^s u ||exp(tB)||_inf ||[theta0; 1]||_inf with the rows of exp(tB) = [[e^{-4t}, 0, (1 - e^{-4t})/4],
        // [0, e^{-t}, -2 (1 - e^{-t})], [0, 0, 1]]
        double expNorm = Math.max(Math.max(ex + (1 - ex) / 4, ey + 2 * (1 - ey)), 1);
        double documented = (k + 2) * Math.pow(2, 4) * D.epsilon() * expNorm * Math.max(Math.abs(y0), 1);
        assertEquals(documented, r.errorEstimate(), documented * ESTIMATE_RELATIVE);
        double err = Math.max(Math.abs(got[0] - expected[0]), Math.abs(got[1] - expected[1]));
        assertTrue(err <= r.errorEstimate(), "error " + err + " above estimate " + r.errorEstimate());
    }

    @Test
    void ofTakesTheQuadraticsMatrixAndLinearTerm() {
        ApMatrix m = matrix(AP);
        ApMatrix b = AP.fromStrings(3, 1, B);
        ApMatrix theta0 = AP.fromStrings(3, 1, START);
        FlowResult<ApMatrix> direct = QuadraticFlow.of(AP, m, b).solve(theta0, AP.one());
        FlowResult<ApMatrix> viaObjective = QuadraticFlow.of(gfgd.objective.Quadratic.of(AP, m, b)).solve(theta0, AP.one());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, AP.compare(AP.get(direct.theta(), i, 0), AP.get(viaObjective.theta(), i, 0)));
        }
    }

    @Test
    void theFlowKeepsItsOwnCopiesOfMatrixAndLinearTerm() {
        DMatrixRMaj m = D.fromDoubles(2, 2, 4, 0, 0, 1);
        DMatrixRMaj b = D.vector(1, -2);
        QuadraticFlow<Double, DMatrixRMaj> flow = QuadraticFlow.of(D, m, b);
        double[] before = D.toDoubles(flow.solve(D.vector(0.5, -3), 1.0).theta());
        m.set(0, 0, 100);
        b.set(1, 0, 100);
        double[] after = D.toDoubles(flow.solve(D.vector(0.5, -3), 1.0).theta());
        assertEquals(before[0], after[0], 0.0);
        assertEquals(before[1], after[1], 0.0);
    }

    @Test
    void badShapesAndNegativeTimesAreRejectedWithTheirValues() {
        DMatrixRMaj m = D.fromDoubles(2, 2, 4, 0, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuadraticFlow.of(D, m, D.vector(1, 2, 3)));
        assertEquals("b must be a 2x1 vector, got 3x1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> QuadraticFlow.of(D, m, D.fromDoubles(2, 2, 1, 2, 3, 4)));
        assertEquals("b must be a 2x1 vector, got 2x2", e.getMessage());
        QuadraticFlow<Double, DMatrixRMaj> flow = QuadraticFlow.of(D, m, D.vector(1, 2));
        e = assertThrows(IllegalArgumentException.class, () -> flow.solve(D.vector(1, 2), -0.5));
        assertEquals("t must be >= 0, got -0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flow.solve(D.vector(1, 2, 3), 1.0));
        assertEquals("theta0 must be a 2x1 vector, got 3x1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> flow.solve(D.fromDoubles(2, 2, 1, 2, 3, 4), 1.0));
        assertEquals("theta0 must be a 2x1 vector, got 2x2", e.getMessage());
    }
}

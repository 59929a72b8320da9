package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Quadratic;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The solvers' bad-input contract (a wrong-sized start, a non-square matrix, settings below one) and
 * the closed-form flow's scaling: exp(tB) is computed from exp(2^-s tB) with the least s that brings
 * ||2^-s tB||_inf to at most 1/2, so the work grows with log2(t ||B||) and no faster.
 */
class SolverContractTest {

    private static final DoubleArithmetic A = DoubleArithmetic.INSTANCE;

    /** The closed form against exp(-4t) and exp(-t) at t = 1: a few units of roundoff. */
    private static final double CLOSED_FORM_ROUNDOFF = 1e-14;

    /** The estimate (k + 2) 2^s u ||exp(tB)|| ||(x0, 1)||: about a hundred units of roundoff here. */
    private static final double ESTIMATE_AT_MOST = 1e-13;

    private static final Quadratic<Double, DMatrixRMaj> DIAGONAL =
            Quadratic.of(A, A.fromDoubles(2, 2, 4, 0, 0, 1), A.vector(0, 0));

    private static int scaling(FlowResult<DMatrixRMaj> r) {
        String m = r.method();
        int at = m.indexOf("2^") + 2;
        return Integer.parseInt(m.substring(at, m.indexOf(' ', at)));
    }

    @Test
    void theClosedFormScalesByTheLeastPowerOfTwoThatReachesOneHalf() {
        QuadraticFlow<Double, DMatrixRMaj> flow = QuadraticFlow.of(DIAGONAL);
        DMatrixRMaj x0 = A.vector(1, 1);
        // ||tB||_inf = 4t: t = 1 needs 2^3 (4/8 = 1/2), t = 0.1 none, t = 1.5 needs 2^4 (6/16 <= 1/2 < 6/8)
        FlowResult<DMatrixRMaj> one = flow.solve(x0, 1.0);
        assertEquals(3, scaling(one), one.method());
        assertEquals(0, scaling(flow.solve(x0, 0.1)));
        assertEquals(4, scaling(flow.solve(x0, 1.5)));
        assertArrayEquals(new double[] {Math.exp(-4), Math.exp(-1)}, A.toDoubles(one.theta()), CLOSED_FORM_ROUNDOFF);
        double[] x = A.toDoubles(one.theta());
        double error = Math.max(Math.abs(x[0] - Math.exp(-4)), Math.abs(x[1] - Math.exp(-1)));
        assertTrue(error <= one.errorEstimate() && one.errorEstimate() < ESTIMATE_AT_MOST,
                "error " + error + ", estimate " + one.errorEstimate());
    }

    @Test
    void solversRefuseAStartOfTheWrongShape() {
        QuadraticFlow<Double, DMatrixRMaj> flow = QuadraticFlow.of(DIAGONAL);
        assertThrows(IllegalArgumentException.class, () -> flow.solve(A.vector(1, 1, 1), 1.0));
        assertThrows(IllegalArgumentException.class, () -> flow.solve(A.vector(1, 1), -1.0));
        assertThrows(IllegalArgumentException.class,
                () -> QuadraticFlow.of(A, A.fromDoubles(2, 3, 1, 2, 3, 4, 5, 6), A.vector(1, 1)));
        GradientDescent<Double, DMatrixRMaj> gd = GradientDescent.of(DIAGONAL, 0.1);
        assertThrows(IllegalArgumentException.class, () -> gd.step(A.vector(1, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> gd.run(A.vector(1, 1, 1), 3));
    }

    @Test
    void gradientDescentSettingsBelowOneAreRefusedAndOneIsAccepted() {
        GradientDescent<Double, DMatrixRMaj> gd = GradientDescent.of(DIAGONAL, 0.1);
        GradientDescent.Progress quiet = (done, total) -> { };
        assertThrows(IllegalArgumentException.class, () -> gd.withCheckEvery(0));
        assertThrows(IllegalArgumentException.class, () -> gd.withProgress(0, quiet));
        assertThrows(IllegalArgumentException.class, () -> gd.withDivergenceFactor(0));
        assertArrayEquals(A.toDoubles(gd.run(A.vector(1, 1), 2).state()),
                A.toDoubles(gd.withCheckEvery(1).withProgress(1, quiet).withDivergenceFactor(1e300)
                        .run(A.vector(1, 1), 2).state()));
    }
}

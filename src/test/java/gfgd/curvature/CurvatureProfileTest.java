package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.dynamics.DormandPrinceFlow;
import gfgd.dynamics.GradientDescent;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import gfgd.objective.Initialisations;
import gfgd.objective.Quadratic;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CurvatureProfileTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    private static DeepLinear<Double, DMatrixRMaj> scalar(int depth) {
        int[] w = new int[depth + 1];
        java.util.Arrays.fill(w, 1);
        return DeepLinear.of(D, Dataset.of("x = y = 1", 1, 1, 1, new double[] {1}, new double[] {1}), w);
    }

    @Test
    void constantCurvatureIntegratesExactlyOnGradientDescentIterates() {
        // f = 1/2 theta' A theta with A = diag(-0.5, 2): lambda_min = -0.5 everywhere
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, D.fromDoubles(2, 2, -0.5, 0, 0, 2));
        CurvatureProfile<Double, DMatrixRMaj> p = CurvatureProfile.of(q);
        GradientDescent.of(q, 0.1).run(D.vector(0.1, 1), 20, p);
        assertEquals(21, p.size());
        assertEquals(-0.5 * 2.0, p.totalIntegral(), 1e-12);
        assertEquals(2.0, p.times()[20], 1e-12);
        assertEquals(-0.5, p.minLambdaMin(), 1e-14);
        assertTrue(Double.isNaN(p.boundRatio()[0]), "no bound, no ratio");
    }

    @Test
    void deepLinearBoundIsTheBriefsFormulaOnTheScalarNet() {
        // N = 2 scalar at (a, b): B = ||grad l|| = |ab - 1|, lambda_min = (a^2 + b^2)/2 - sqrt(((a^2 - b^2)/2)^2 + (2ab - 1)^2)
        DeepLinear<Double, DMatrixRMaj> f = scalar(2);
        double a = 0.3;
        double b = -0.7;
        assertEquals(Math.abs(a * b - 1), CurvatureProfile.deepLinearBound(f, D.vector(a, b)), 1e-15);
        // N = 3 scalar at (a, b, c): B = 2 |abc - 1| max(|a|, |b|, |c|)
        assertEquals(2 * Math.abs(0.3 * -0.7 * 2 - 1) * 2, CurvatureProfile.deepLinearBound(scalar(3), D.vector(0.3, -0.7, 2)), 1e-14);
        // at (s, s) the bound is attained: lambda_min = 1 - s^2, B = s^2 - 1
        double s = 3;
        CurvatureProfile<Double, DMatrixRMaj> p = CurvatureProfile.of(f);
        p.record(0, D.vector(s, s));
        assertEquals(1.0, p.boundRatio()[0], 1e-11, "up to the EIGEN_NOISE allowance");
    }

    @Test
    void boundHoldsAtRandomPointsOfADataNet() {
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, Datasets.briefExample(), 3, 3, 4, 2, 1);
        CurvatureProfile<Double, DMatrixRMaj> p = CurvatureProfile.of(f);
        for (int k = 0; k < 20; k++) {
            p.record(k, Initialisations.gaussian(f.dimension(), 0.5 + 0.1 * k, k).vector(D));
        }
        assertTrue(p.maxBoundRatio() <= 1 + 1e-9, "max ratio " + p.maxBoundRatio());
        assertTrue(p.maxBoundRatio() > 0, "some point has negative curvature");
    }

    @Test
    void curvatureFlowCarriesTheClosedFormIntegral() {
        // balanced scalar N = 2 from alpha: int lambda_- = -ln(1/alpha) - (1/2) ln(1/3) - ln(2/3) + ln(1 - alpha^2)
        double alpha = 0.05;
        DeepLinear<Double, DMatrixRMaj> f = scalar(2);
        CurvatureProfile<Double, DMatrixRMaj> p = CurvatureProfile.of(f);
        CurvatureFlow.Run run = CurvatureFlow.of(f).run(DormandPrinceFlow.defaults().withoutErrorEstimate()
                .withTolerances(1e-13, 1e-15), D.vector(alpha, alpha), 0.05, 50, 1e-9, 1e4, p);
        double closed = -Math.log(1 / alpha) - 0.5 * Math.log(1.0 / 3) - Math.log(2.0 / 3) + Math.log1p(-alpha * alpha);
        assertTrue(run.converged());
        assertEquals(closed, run.integral(), 1e-7);
        assertEquals(closed, p.totalIntegral(), 1e-2, "the trapezoid rule on the grid is a cross-check");
        assertEquals(3 * alpha * alpha - 1, p.minLambdaMin(), 1e-12, "lambda_min = 3 a^2 - 1 on the balanced trajectory, least at the start");
        assertEquals(1.0, f.value(run.theta()) + 1.0, 1e-15);
    }

    @Test
    void samplesMustMoveForwardInTime() {
        CurvatureProfile<Double, DMatrixRMaj> p = CurvatureProfile.of(scalar(2));
        p.record(1.0, D.vector(0.1, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.record(1.0, D.vector(0.1, 0.1)));
        assertTrue(e.getMessage().contains("1.0"), e.getMessage());
    }
}

package gfgd.curvature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void everyColumnHoldsItsSampleValues() {
        // f = 1/2 theta' diag(-0.5, 2) theta with the bound B(theta) = theta_0 + 1: lambda_min = -0.5, lambda_max = 2,
        // grad = (-0.5 x, 2 y); samples at t = 1, 3 (a flow's non-uniform grid)
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, D.fromDoubles(2, 2, -0.5, 0, 0, 2));
        CurvatureProfile<Double, DMatrixRMaj> p = CurvatureProfile.withBound(q, theta -> theta.get(0) + 1);
        p.record(1, D.vector(2, 1));
        p.record(3, D.vector(4, 0));
        assertArrayEquals(new double[] {1, 3}, p.times(), 0.0);
        assertArrayEquals(new double[] {-0.5, -0.5}, p.lambdaMin(), 1e-15);
        assertArrayEquals(new double[] {2, 2}, p.lambdaMax(), 1e-15);
        assertArrayEquals(new double[] {-0.5, -0.5}, p.negativePart(), 1e-15);
        assertArrayEquals(new double[] {0, -1}, p.integral(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(5), 2}, p.gradientNorm(), 1e-15);
        assertArrayEquals(new double[] {3, 5}, p.bound(), 0.0);
        assertArrayEquals(new double[] {0.5 / (3 + 2e-12), 0.5 / (5 + 2e-12)}, p.boundRatio(), 1e-16);
        assertEquals(-0.5, CurvatureProfile.lambdaMin(q, D.vector(7, 7)), 1e-15);
    }

    @Test
    void plotPointsDropSamplesWithNonFiniteAbscissae() {
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, D.fromDoubles(2, 2, -0.5, 0, 0, 2));
        CurvatureProfile<Double, DMatrixRMaj> p = CurvatureProfile.of(q);
        p.record(0, D.vector(1, 1));
        p.record(10, D.vector(1, 1));
        p.record(100, D.vector(1, 1));
        double[][] l = p.lambdaMinPoints(Math::log10);
        assertArrayEquals(new double[] {1, 2}, l[0], 1e-15, "log10 0 = -infinity is dropped");
        assertArrayEquals(new double[] {-0.5, -0.5}, l[1], 1e-15);
        double[][] z = p.integralPoints(t -> t == 10 ? Double.NaN : t);
        assertArrayEquals(new double[] {0, 100}, z[0], 0.0);
        assertArrayEquals(new double[] {0, -50}, z[1], 1e-12);
        CurvatureProfile<Double, DMatrixRMaj> empty = CurvatureProfile.of(q);
        assertEquals(0, empty.integralPoints(t -> t)[0].length);
        assertEquals("no samples", assertThrows(IllegalStateException.class, empty::minLambdaMin).getMessage());
        assertEquals(0.0, empty.maxBoundRatio(), 0.0);
    }

    @Test
    void theRatioIsZeroWithoutNegativeCurvatureAndRelativeToTheNoiseOtherwise() {
        assertEquals(0.0, CurvatureProfile.ratio(0, 0, 0), 0.0, "at a minimum where everything vanishes");
        assertEquals(0.0, CurvatureProfile.ratio(0, 2, 0), 0.0);
        assertEquals(2 / (1 + 2e-12), CurvatureProfile.ratio(-2, 1, 1), 1e-15);
        assertEquals(1 / 3e-12, CurvatureProfile.ratio(-1, 3, 0), 1e-3);
        assertTrue(Double.isNaN(CurvatureProfile.ratio(-1, 3, Double.NaN)));
    }

    @Test
    void theDepthThreeBoundTakesTheLargestSingleNorm() {
        // N = 3 scalar at (2, 3, 4): B = 2 |24 - 1| max(2, 3, 4) = 184 (products of two norms, 12, do not count)
        assertEquals(184, CurvatureProfile.deepLinearBound(scalar(3), D.vector(2, 3, 4)), 1e-12);
    }

    @Test
    void aboveTheDenseLimitTheExtremesAreLanczossAndAtItDense() {
        // evenly spaced spectra 0, 1, ..., d - 1: 100 Lanczos steps leave lambda_min visibly above 0 at d = 401
        for (int d : new int[] {CurvatureProfile.DENSE_LIMIT, CurvatureProfile.DENSE_LIMIT + 1}) {
            DMatrixRMaj a = new DMatrixRMaj(d, d);
            for (int i = 0; i < d; i++) {
                a.set(i, i, i);
            }
            Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, a);
            DMatrixRMaj theta = D.zeros(d, 1);
            double[] ext = CurvatureProfile.extremes(q, theta);
            if (d <= CurvatureProfile.DENSE_LIMIT) {
                assertEquals(0.0, ext[0], 1e-13);
                assertEquals(d - 1, ext[1], 1e-13);
            } else {
                Lanczos.Result r = Lanczos.extremes(q, theta, CurvatureProfile.LANCZOS_STEPS, Lanczos.WORKLOAD_SEED);
                assertTrue(r.min() > 1e-11, "Lanczos's min " + r.min());
                assertEquals(r.min(), ext[0], 0.0);
                assertEquals(r.max(), ext[1], 0.0);
            }
        }
    }
}

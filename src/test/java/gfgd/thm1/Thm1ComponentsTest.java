package gfgd.thm1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.curvature.DenseSpectrum;
import gfgd.dynamics.TaylorFlow;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import gfgd.objective.Initialisations;
import gfgd.objective.Objective;
import gfgd.objective.Quadratic;
import gfgd.taylor.Traced;
import gfgd.taylor.TracedMatrix;
import gfgd.taylor.TracingArithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The pieces of claim {@code thm1} against closed forms and the math brief. */
class Thm1ComponentsTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(30);

    /** Taylor flow at 30 digits against a closed form evaluated at 30 digits: far below this. */
    private static final double FLOW_TOLERANCE = 1e-20;

    /** The brief prints 5-6 significant digits. */
    private static final double BRIEF_DIGITS = 5e-6;

    /** The exponential trapezoidal rule at h = 1e-3 is accurate to ~h^2 relative. */
    private static final double QUADRATURE_TOLERANCE = 1e-5;

    /** Sampled Lipschitz ratios may touch the bound only up to double rounding. */
    private static final double LIPSCHITZ_ROUNDING = 1e-9;

    private static <S, M> TaylorFlow<S, M> variational(TracingArithmetic<S, M> tracer,
                                                       Objective<Traced, TracedMatrix> f) {
        return TaylorFlow.of(tracer, VariationalFlow.of(f));
    }

    @Test
    void variationalEquationMatchesTheScalarClosedFormWithMinusSign() {
        // f = lambda x^2 / 2: e(t) = -1/2 lambda^2 t exp(-lambda t) x0 (GD minus GF)
        TracingArithmetic<Apfloat, ApMatrix> tracer = TracingArithmetic.over(AP);
        Objective<Traced, TracedMatrix> f = Quadratic.of(tracer, tracer.fromStrings(1, 1, "1.5"));
        VariationalFlow<Apfloat, ApMatrix> field = VariationalFlow.of(Quadratic.of(AP, AP.fromStrings(1, 1, "1.5")));
        ApMatrix end = variational(tracer, f).solve(field.initialState(AP.fromStrings(1, 1, "0.7")), AP.of(2)).theta();
        Apfloat lambda = AP.parse("1.5");
        Apfloat expected = AP.mul(AP.mul(AP.ratio(-1, 2), AP.mul(lambda, lambda)),
                AP.mul(AP.mul(AP.of(2), AP.exp(AP.mul(lambda, AP.of(-2)))), AP.parse("0.7")));
        double err = AP.toDouble(AP.abs(AP.sub(AP.get(end, 1, 0), expected)));
        assertTrue(err <= FLOW_TOLERANCE, "e(2) differs from the closed form by " + err);
        assertTrue(AP.signum(AP.get(end, 1, 0)) < 0, "GD lags GF: e < 0 for x0 > 0");
    }

    @Test
    void depthThreeScalarNetReproducesTheBrief() {
        TracingArithmetic<Double, DMatrixRMaj> tracer = TracingArithmetic.over(D);
        TaylorFlow<Double, DMatrixRMaj> flow = variational(tracer, Thm1Instance.SCALAR3.objective(tracer));
        VariationalFlow<Double, DMatrixRMaj> field = VariationalFlow.of(Thm1Instance.SCALAR3.objective(D));
        DMatrixRMaj s0 = field.initialState(Thm1Instance.SCALAR3.start(D));
        double[] e4 = D.toDoubles(field.error(flow.solve(s0, 4.0).theta()));
        double[] brief = {-0.0181826, -0.0121843, -0.0056541};
        for (int i = 0; i < 3; i++) {
            assertEquals(brief[i], e4[i], BRIEF_DIGITS * Math.abs(brief[i]) + 1e-10, "e(4)[" + i + "]");
        }
        double[] e30 = D.toDoubles(field.error(flow.solve(s0, 30.0).theta()));
        double[] limit = {-0.00622002, -0.00021183, 0.00627601};
        for (int i = 0; i < 3; i++) {
            assertEquals(limit[i], e30[i], 1e-8, "e(infinity)[" + i + "] does not decay");
        }
    }

    @Test
    void curvatureBoundMatchesClosedFormsForConstantCurvature() {
        // lambda = -0.5, q = 2: B = q/(2|lambda|) (e^{|lambda| t} - 1); lambda = 0.5: Bmin = q/(2 lambda)(1 - e^{-lambda t}), B = q t / 2
        double h = 1e-3;
        int n = 3000;
        double[] neg = new double[n + 1];
        double[] pos = new double[n + 1];
        double[] q = new double[n + 1];
        java.util.Arrays.fill(neg, -0.5);
        java.util.Arrays.fill(pos, 0.5);
        java.util.Arrays.fill(q, 2);
        CurvatureBound a = CurvatureBound.integrate(h, neg, q);
        CurvatureBound b = CurvatureBound.integrate(h, pos, q);
        double t = n * h;
        assertEquals(2 * (Math.exp(0.5 * t) - 1), a.bound()[n], QUADRATURE_TOLERANCE * a.bound()[n]);
        assertEquals(-0.5 * t, a.negativeIntegral()[n], 1e-12);
        assertEquals(2 * (1 - Math.exp(-0.5 * t)), b.boundMin()[n], QUADRATURE_TOLERANCE);
        assertEquals(t, b.bound()[n], 1e-12);
        assertEquals(t, b.convex()[n], 1e-12);
        assertTrue(a.quadratureError() <= QUADRATURE_TOLERANCE);
        assertThrows(IllegalArgumentException.class, () -> CurvatureBound.integrate(0, neg, q));
    }

    @Test
    void discreteBoundOnAQuadraticUsesTheExactContractionFactor() {
        // A = diag(2, -1), eta = 0.1: L_j = max(|1 - 0.2|, |1 + 0.1|) = 1.1 (no Lipschitz widening)
        Quadratic<Apfloat, ApMatrix> q = Quadratic.of(AP, AP.fromStrings(2, 2, "2", "0", "0", "-1"));
        Objective<Double, DMatrixRMaj> qd = Quadratic.of(D, D.fromDoubles(2, 2, 2, 0, 0, -1));
        List<ApMatrix> samples = new ArrayList<>();
        List<DenseSpectrum> spectra = new ArrayList<>();
        for (int j = 0; j <= 5; j++) {
            Apfloat t = AP.mul(AP.of(j), AP.parse("0.1"));
            ApMatrix x = AP.zeros(2, 1);
            AP.set(x, 0, 0, AP.exp(AP.mul(AP.of(-2), t)));
            AP.set(x, 1, 0, AP.exp(t));
            samples.add(x);
            spectra.add(DenseSpectrum.ofHessian(qd, D.vector(AP.toDoubles(x))));
        }
        DiscreteBound.Bound b = DiscreteBound.of(q, HessianLipschitz.constantHessian(), samples, spectra,
                AP.parse("0.1"));
        assertEquals(1.1, b.factor()[2], 1e-12);
        assertEquals(b.delta()[0], b.bound()[1], 1e-15 * b.delta()[0], "E_1 = delta_0, rounded up");
        assertEquals(1.1 * b.bound()[1] + b.delta()[1], b.bound()[2], 1e-12 * b.bound()[2]);
        assertEquals(6, b.finiteSteps());
    }

    @Test
    void deepLinearHessianLipschitzBoundHoldsOnSampledPairs() {
        int[] widths = {3, 3, 2, 1};
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, Datasets.briefExample(), widths);
        HessianLipschitz lip = HessianLipschitz.deepLinear(Datasets.briefExample(), widths);
        Random r = new Random(11);
        double worst = 0;
        for (int trial = 0; trial < 100; trial++) {
            double scale = Math.pow(10, -1 + 1.5 * r.nextDouble());
            double[] c = Initialisations.gaussian(f.dimension(), scale, trial).values();
            double rad = scale * r.nextDouble();
            double[] z = pointInBall(r, c, rad);
            double[] w = pointInBall(r, c, rad);
            double dist = 0;
            for (int i = 0; i < c.length; i++) {
                dist += (z[i] - w[i]) * (z[i] - w[i]);
            }
            DMatrixRMaj diff = D.minus(f.hessian(D.vector(z)), f.hessian(D.vector(w)));
            DenseSpectrum s = DenseSpectrum.of(diff);
            double op = Math.max(Math.abs(s.min()), Math.abs(s.max()));
            worst = Math.max(worst, op / (lip.onBall(c, rad) * Math.sqrt(dist)));
        }
        assertTrue(worst <= 1 + LIPSCHITZ_ROUNDING, "sampled ratio " + worst);
        assertTrue(worst > 1e-3, "the bound is not absurdly loose: " + worst);
        assertThrows(IllegalArgumentException.class, () -> lip.onBall(new double[3], 1));
    }

    private static double[] pointInBall(Random r, double[] c, double rad) {
        double[] u = new double[c.length];
        double n = 0;
        for (int i = 0; i < u.length; i++) {
            u[i] = r.nextGaussian();
            n += u[i] * u[i];
        }
        double rho = rad * Math.pow(r.nextDouble(), 1.0 / u.length) / Math.sqrt(n);
        for (int i = 0; i < u.length; i++) {
            u[i] = c[i] + rho * u[i];
        }
        return u;
    }
}

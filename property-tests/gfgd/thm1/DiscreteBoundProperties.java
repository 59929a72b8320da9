package gfgd.thm1;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.curvature.DenseSpectrum;
import gfgd.dynamics.FlowResult;
import gfgd.dynamics.GradientDescent;
import gfgd.dynamics.GridHandler;
import gfgd.dynamics.TaylorFlow;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.DeepLinear;
import gfgd.objective.Objective;
import gfgd.objective.Quadratic;
import gfgd.taylor.TracingArithmetic;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;

/**
 * The discrete a-posteriori bound of claim {@code thm1} holds at every step on generated smooth objectives
 * with {@code eta lambda_max <= 1} at the start: {@code ||theta_j - theta(j eta)|| <= E_j}.
 */
class DiscreteBoundProperties {

    /** Fixed jqwik seed: the same samples on every run. */
    private static final String SEED = "20211206";

    /** Apfloat digits of GD and the Taylor reference (errors of order 1e-20, far below the E_j tolerance). */
    private static final int DIGITS = 20;

    /**
     * Absolute floor added to {@code E_j}: ten times the Taylor flow's error estimate (the reference itself is
     * only that accurate), which matters only where the flow is stationary and both sides vanish.
     */
    private static final double REFERENCE_FACTOR = 10;

    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(DIGITS);
    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    @Provide
    Arbitrary<Thm1Arbitraries.QuadraticCase> quadratics() {
        return Thm1Arbitraries.quadratics();
    }

    @Provide
    Arbitrary<Thm1Arbitraries.DeepLinearCase> nets() {
        return Thm1Arbitraries.deepLinearNets();
    }

    @Property(tries = 40, seed = SEED)
    void discreteBoundHoldsOnRandomQuadratics(@ForAll("quadratics") Thm1Arbitraries.QuadraticCase c) {
        int n = c.n();
        double[][] bx = c.linearAndStart();
        Objective<Apfloat, ApMatrix> f = Quadratic.of(AP, AP.fromDoubles(n, n, c.matrix()), AP.vector(bx[0]));
        Objective<Double, DMatrixRMaj> fd = Quadratic.of(D, D.fromDoubles(n, n, c.matrix()), D.vector(bx[0]));
        TracingArithmetic<Apfloat, ApMatrix> tracer = TracingArithmetic.over(AP);
        TaylorFlow<Apfloat, ApMatrix> flow = TaylorFlow.gradientFlow(tracer,
                Quadratic.of(tracer, tracer.fromDoubles(n, n, c.matrix()), tracer.vector(bx[0])));
        assertBoundHolds(f, fd, flow, HessianLipschitz.constantHessian(), AP.vector(bx[1]), c.c(), c.steps(),
                c.toString());
    }

    @Property(tries = 20, seed = SEED)
    void discreteBoundHoldsOnSmallDeepLinearNets(@ForAll("nets") Thm1Arbitraries.DeepLinearCase c) {
        int[] w = c.net().widths();
        Objective<Apfloat, ApMatrix> f = DeepLinear.of(AP, c.net().data(), w);
        Objective<Double, DMatrixRMaj> fd = DeepLinear.of(D, c.net().data(), w);
        TracingArithmetic<Apfloat, ApMatrix> tracer = TracingArithmetic.over(AP);
        TaylorFlow<Apfloat, ApMatrix> flow = TaylorFlow.gradientFlow(tracer, DeepLinear.of(tracer, c.net().data(), w));
        assertBoundHolds(f, fd, flow, HessianLipschitz.deepLinear(c.net().data(), w), AP.vector(c.net().theta()),
                c.c(), c.steps(), c.toString());
    }

    private static void assertBoundHolds(Objective<Apfloat, ApMatrix> f, Objective<Double, DMatrixRMaj> fd,
                                         TaylorFlow<Apfloat, ApMatrix> flow, HessianLipschitz lip, ApMatrix theta0,
                                         double c, int steps, String what) {
        DenseSpectrum s0 = DenseSpectrum.ofHessian(fd, D.vector(AP.toDoubles(theta0)));
        double scale = Math.max(Math.max(Math.abs(s0.min()), Math.abs(s0.max())), 1e-3);
        String etaText = new BigDecimal(c / scale).round(new MathContext(4)).toPlainString();
        Apfloat eta = AP.parse(etaText);
        List<ApMatrix> samples = new ArrayList<>();
        List<DenseSpectrum> spectra = new ArrayList<>();
        FlowResult<ApMatrix> r = flow.sample(theta0, eta, steps, new GridHandler<>() {
            @Override
            public void handleStep(long k, ApMatrix theta) {
                samples.add(AP.copy(theta));
                spectra.add(DenseSpectrum.ofHessian(fd, D.vector(AP.toDoubles(theta))));
            }
        });
        List<ApMatrix> gd = new ArrayList<>();
        GradientDescent.of(f, eta).run(theta0, steps, new GridHandler<>() {
            @Override
            public void handleStep(long k, ApMatrix theta) {
                gd.add(AP.copy(theta));
            }
        });
        DiscreteBound.Bound b = DiscreteBound.of(f, lip, samples, spectra, eta);
        double floor = REFERENCE_FACTOR * r.errorEstimate() + AP.epsilon();
        for (int j = 0; j <= steps; j++) {
            double err = AP.toDouble(AP.norm(AP.minus(gd.get(j), samples.get(j))));
            double e = b.bound()[j];
            int step = j;
            assertTrue(err <= e * (1 + Thm1Check.DISCRETE_TOLERANCE) + floor,
                    () -> what + ", eta = " + etaText + ": err_" + step + " = " + err + " > E_" + step + " = " + e);
        }
    }
}

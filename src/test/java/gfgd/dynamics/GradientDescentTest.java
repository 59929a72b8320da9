package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Quadratic;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GradientDescentTest {

    /**
     * GD computes x - eta (A x), the reference (I - eta A) x: the two round differently, each step
     * losing at most a unit of 10^-50 (40 digits + 10 guard), so 100 steps stay below 10^-47
     * (4.6e-50 measured).
     */
    private static final double ITERATION_TOLERANCE = 1e-45;

    /** Comparisons of double runs (closed form, or apfloat): a few hundred roundings of 2^-53 each. */
    private static final double DOUBLE_TOLERANCE = 1e-12;

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(40);

    /** A = Q diag(1, 3) Q' with Q the rotation with cosine 3/5: entries are exact decimals. */
    private static <S, M> M matrix(Arithmetic<S, M> a) {
        return a.fromStrings(2, 2, "2.28", "-0.96", "-0.96", "1.72");
    }

    private static <S, M> M x0(Arithmetic<S, M> a) {
        return a.fromStrings(2, 1, "0.7", "-1.3");
    }

    @Test
    void stepIsEulerOnTheGradientFlow() {
        Quadratic<Apfloat, ApMatrix> q = Quadratic.of(AP, matrix(AP), AP.fromStrings(2, 1, "0.5", "0.25"));
        GradientDescent<Apfloat, ApMatrix> gd = GradientDescent.of(q, AP.parse("0.01"));
        ApMatrix x = x0(AP);
        ApMatrix viaGd = gd.step(x);
        ApMatrix viaEuler = gd.asEuler().step(x);
        for (int i = 0; i < 2; i++) {
            assertEquals(0, AP.compare(AP.get(viaGd, i, 0), AP.get(viaEuler, i, 0)));
        }
        ApMatrix ran = gd.run(x, 5).state();
        ApMatrix iterated = gd.asEuler().iterate(x, 5);
        for (int i = 0; i < 2; i++) {
            assertEquals(0, AP.compare(AP.get(ran, i, 0), AP.get(iterated, i, 0)));
        }
        assertEquals(0, AP.compare(AP.parse("0.7"), AP.get(x, 0, 0)), "theta0 is not modified");
    }

    @Test
    void gradientDescentOnAQuadraticIsTheMatrixPowerIteration() {
        Quadratic<Apfloat, ApMatrix> q = Quadratic.of(AP, matrix(AP));
        Apfloat eta = AP.parse("0.01");
        ApMatrix step = AP.minus(AP.identity(2), AP.scale(eta, matrix(AP)));
        ApMatrix expected = x0(AP);
        List<ApMatrix> seen = new ArrayList<>();
        GridHandler<ApMatrix> record = new GridHandler<>() {
            @Override
            public void handleStep(long k, ApMatrix theta) {
                seen.add(AP.copy(theta));
            }
        };
        GradientDescent.Result<Apfloat, ApMatrix> r = GradientDescent.of(q, eta).run(x0(AP), 100, record);
        assertEquals(101, seen.size());
        for (int k = 0; k <= 100; k++) {
            assertClose(expected, seen.get(k), ITERATION_TOLERANCE);
            expected = AP.mult(step, expected);
        }
        assertEquals(GradientDescent.Status.COMPLETED, r.status());
        assertEquals(100, r.steps());
    }

    @Test
    void gradientDescentConvergesToTheMinimiserAtTheRateOfTheSmallestEigenvalue() {
        // x* = (1, -1), b = A x*; x_k - x* = (I - eta A)^k (x0 - x*); along the eigenvector of lambda = 1
        // the error contracts by exactly (1 - eta) per step.
        DMatrixRMaj A = matrix(D);
        DMatrixRMaj xStar = D.vector(1, -1);
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, A, D.mult(A, xStar));
        DMatrixRMaj q1 = D.vector(0.6, 0.8); // eigenvector of lambda = 1
        DMatrixRMaj start = D.addScaled(xStar, 1.0, q1);
        int k = 50;
        GradientDescent.Result<Double, DMatrixRMaj> r = GradientDescent.of(q, 0.1).run(start, k);
        double expected = Math.pow(0.9, k);
        DMatrixRMaj err = D.minus(r.state(), xStar);
        assertEquals(expected * 0.6, err.get(0, 0), DOUBLE_TOLERANCE);
        assertEquals(expected * 0.8, err.get(1, 0), DOUBLE_TOLERANCE);
        assertEquals(D.toDouble(q.value(r.state())), r.finalLoss(), 0.0);
    }

    @Test
    void handlersAreSampledEveryKStepsAndAtTheLast() {
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, matrix(D));
        List<Long> ks = new ArrayList<>();
        List<String> events = new ArrayList<>();
        GridHandler<DMatrixRMaj> h = new GridHandler<>() {
            @Override
            public void init(DMatrixRMaj theta0, double eta) {
                events.add("init " + eta);
            }

            @Override
            public void handleStep(long k, DMatrixRMaj theta) {
                ks.add(k);
            }

            @Override
            public void finish(long k, DMatrixRMaj theta) {
                events.add("finish " + k);
            }
        };
        GradientDescent.of(q, 0.01).withSampleEvery(4).run(x0(D), 10, h);
        assertEquals(List.of(0L, 4L, 8L, 10L), ks);
        assertEquals(List.of("init 0.01", "finish 10"), events);
        ks.clear();
        GradientDescent.of(q, 0.01).withSampleEvery(5).run(x0(D), 10, h);
        assertEquals(List.of(0L, 5L, 10L), ks);
        ks.clear();
        GradientDescent.Result<Double, DMatrixRMaj> zero = GradientDescent.of(q, 0.01).run(x0(D), 0, h);
        assertEquals(List.of(0L), ks);
        assertEquals(0, zero.steps());
        assertArrayEquals(D.toDoubles(x0(D)), D.toDoubles(zero.state()), 0.0);
    }

    @Test
    void progressIsReportedForLongRuns() {
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, matrix(D));
        List<Long> reported = new ArrayList<>();
        GradientDescent.of(q, 0.01).withProgress(300, (k, total) -> {
            assertEquals(1000, total);
            reported.add(k);
        }).run(x0(D), 1000);
        assertEquals(List.of(300L, 600L, 900L), reported);
    }

    @Test
    void divergenceAboveTheLossThresholdEndsTheRunNamingStepAndValue() {
        // eta * lambda_max = 0.9 * 3 = 2.7 > 2: the error grows by 1.7 per step.
        Quadratic<Apfloat, ApMatrix> q = Quadratic.of(AP, matrix(AP));
        List<Long> finished = new ArrayList<>();
        GridHandler<ApMatrix> h = new GridHandler<>() {
            @Override
            public void finish(long k, ApMatrix theta) {
                finished.add(k);
            }
        };
        GradientDescent.Result<Apfloat, ApMatrix> r = GradientDescent.of(q, AP.parse("0.9"))
                .withDivergenceFactor(1e6).run(x0(AP), 10_000, h);
        assertEquals(GradientDescent.Status.DIVERGED, r.status());
        assertTrue(r.steps() < 100, "stopped at " + r.steps());
        assertTrue(r.reason().contains("step " + r.steps()) && r.reason().contains("loss = ")
                && r.reason().contains("exceeds"), r.reason());
        assertTrue(AP.toDouble(r.finalLoss()) > 1e6 * Math.max(1, AP.toDouble(r.initialLoss())));
        assertEquals(List.of(r.steps()), finished);
        GradientDescent.Result<Apfloat, ApMatrix> sparse = GradientDescent.of(q, AP.parse("0.9"))
                .withDivergenceFactor(1e6).withCheckEvery(5).run(x0(AP), 10_000);
        assertEquals(GradientDescent.Status.DIVERGED, sparse.status());
        assertEquals(0, sparse.steps() % 5, "the loss is checked every 5 steps");
        assertTrue(sparse.steps() >= r.steps() && sparse.steps() < r.steps() + 5);
    }

    @Test
    void nonFiniteStatesEndTheRunInsteadOfPropagatingNaN() {
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, matrix(D));
        GradientDescent.Result<Double, DMatrixRMaj> r = GradientDescent.of(q, 1e100)
                .withDivergenceFactor(Double.POSITIVE_INFINITY).run(x0(D), 1000);
        assertEquals(GradientDescent.Status.DIVERGED, r.status());
        assertTrue(r.steps() < 1000);
        assertTrue(r.reason().contains("step " + r.steps())
                && (r.reason().contains("Infinity") || r.reason().contains("NaN")), r.reason());
    }

    @Test
    void nonPositiveOrNonFiniteStepSizeIsRejectedNamingEta() {
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, matrix(D));
        for (double eta : new double[] {0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GradientDescent.of(q, eta));
            assertTrue(e.getMessage().contains("eta") && e.getMessage().contains(Double.toString(eta)),
                    e.getMessage());
        }
        Quadratic<Apfloat, ApMatrix> qa = Quadratic.of(AP, matrix(AP));
        Apfloat negative = AP.parse("-0.01");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.of(qa, negative));
        assertTrue(e.getMessage().contains("eta") && e.getMessage().contains(AP.toString(negative)), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Euler.of(GradientFlow.of(q), 0.0));
        assertTrue(e.getMessage().contains("h must be positive") && e.getMessage().contains("0.0"), e.getMessage());
    }

    @Test
    void badRunArgumentsAreRejectedWithTheirValues() {
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, matrix(D));
        GradientDescent<Double, DMatrixRMaj> gd = GradientDescent.of(q, 0.01);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gd.run(D.vector(1, 2, 3), 10));
        assertTrue(e.getMessage().contains("theta must be a 2x1 vector") && e.getMessage().contains("3x1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gd.step(D.vector(1)));
        assertTrue(e.getMessage().contains("1x1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gd.run(x0(D), -3));
        assertTrue(e.getMessage().contains("steps") && e.getMessage().contains("-3"), e.getMessage());
        DMatrixRMaj nan = D.vector(1, 2);
        nan.set(1, 0, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> gd.run(nan, 3));
        assertTrue(e.getMessage().contains("theta0") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gd.withSampleEvery(0));
        assertTrue(e.getMessage().contains("sampleEvery") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gd.withDivergenceFactor(Double.NaN));
        assertTrue(e.getMessage().contains("divergenceFactor") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gd.asEuler().iterate(x0(D), -1));
        assertTrue(e.getMessage().contains("steps") && e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void gradientDescentOnADeepLinearNetAgreesAcrossArithmetics() {
        // 3-2-1 net on 6 samples: x_i = (i, 1, -i/2) / 4, y_i = i / 8 (exact binary fractions)
        double[] x = new double[18];
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            x[3 * i] = i / 4.0;
            x[3 * i + 1] = 0.25;
            x[3 * i + 2] = -i / 8.0;
            y[i] = i / 8.0;
        }
        gfgd.objective.Dataset data = gfgd.objective.Dataset.of("small", 6, 3, 1, x, y);
        double[] theta0 = {0.5, -0.25, 0.125, 0.375, 0.25, -0.5, 0.75, -0.625};
        var fd = gfgd.objective.DeepLinear.of(D, data, 3, 2, 1);
        var fa = gfgd.objective.DeepLinear.of(AP, data, 3, 2, 1);
        var rd = GradientDescent.of(fd, 0.05).run(D.vector(theta0), 200);
        var ra = GradientDescent.of(fa, AP.parse("0.05")).run(AP.vector(theta0), 200);
        assertEquals(GradientDescent.Status.COMPLETED, rd.status());
        assertTrue(ra.finalLoss().doubleValue() < ra.initialLoss().doubleValue());
        double[] sd = D.toDoubles(rd.state());
        double[] sa = AP.toDoubles(ra.state());
        for (int i = 0; i < sd.length; i++) {
            assertEquals(sa[i], sd[i], DOUBLE_TOLERANCE * Math.max(1, Math.abs(sa[i])), "entry " + i);
        }
    }

    @Test
    void gradientFlowFieldIsMinusTheGradient() {
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(D, matrix(D), D.vector(0.5, -0.25));
        GradientFlow<Double, DMatrixRMaj> g = GradientFlow.of(q);
        DMatrixRMaj x = x0(D);
        double[] grad = D.toDoubles(q.gradient(x));
        double[] field = D.toDoubles(g.derivative(x));
        for (int i = 0; i < 2; i++) {
            assertEquals(-grad[i], field[i], 0.0);
        }
        assertEquals(2, g.dimension());
        assertEquals(q, g.objective());
    }

    private static void assertClose(ApMatrix expected, ApMatrix actual, double tol) {
        Apfloat scale = AP.norm(expected);
        double rel = AP.toDouble(AP.div(AP.norm(AP.minus(expected, actual)), scale));
        assertTrue(rel <= tol, "relative error " + rel + " > " + tol);
    }
}

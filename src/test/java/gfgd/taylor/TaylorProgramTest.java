package gfgd.taylor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The Taylor-mode recurrences of {@link TaylorProgram} against the closed-form Taylor coefficients of
 * fields whose flows are known: {@code x' = lambda x} (exponential), {@code x' = x^2} (geometric
 * series of {@code x0 / (1 - x0 t)}), affine and constant fields (polynomials and shifted exponentials),
 * rotations (cosine and sine), and the log norm of the Jacobian against hand derivatives.
 */
class TaylorProgramTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    /** 30 digits (40 working digits), the precision of the workloads. */
    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(30);
    /** Exact reference sums are carried to this many digits before comparison. */
    private static final MathContext REF = new MathContext(80);

    private static Double[] doubles(double... x) {
        Double[] y = new Double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }

    private static Apfloat[] apfloats(String... x) {
        Apfloat[] y = new Apfloat[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = AP.parse(x[i]);
        }
        return y;
    }

    private static BigDecimal factorial(int j) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= j; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return new BigDecimal(f);
    }

    /** {@code lambda^j / j!}. */
    private static double expCoefficient(double lambda, int j) {
        return new BigDecimal(lambda).pow(j).divide(factorial(j), REF).doubleValue();
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(actual - expected) <= tol * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual);
    }

    private static void assertDigits(BigDecimal expected, Apfloat actual, int digits, String what) {
        BigDecimal got = new BigDecimal(actual.toString(false));
        BigDecimal tol = expected.abs().scaleByPowerOfTen(-digits).max(BigDecimal.ONE.scaleByPowerOfTen(-digits - 40));
        assertTrue(got.subtract(expected).abs().compareTo(tol) <= 0,
                what + ": expected " + expected.round(new MathContext(digits + 5)) + ", got " + got);
    }

    // ------------------------------------------------------------------ closed-form series

    @Test
    void linearFieldHasTheExponentialSeries() {
        // x' = -x/2, x(0) = 3: x(t) = 3 exp(-t/2), c_j = 3 (-1/2)^j / j!
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> p = TaylorProgram.record(td, 1, x -> td.scale(td.parse("-0.5"), x));
        assertEquals(1, p.dimension());
        assertEquals(2, p.size());
        assertEquals(0, p.products());
        assertSame(D, p.arithmetic());
        int order = 12;
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel k = p.seriesKernel(order, doubles(3));
        assertEquals(order, k.order());
        k.coefficients();
        for (int j = 0; j <= order + 1; j++) {
            assertRelative(3 * expCoefficient(-0.5, j), k.coefficient(0, j), 1e-14, "c_" + j);
            assertRelative(Math.abs(3 * expCoefficient(-0.5, j)), k.magnitude(0, j), 1e-14, "|c_" + j + "|");
        }
    }

    @Test
    void quadraticFieldHasTheGeometricSeriesInEveryKernel() {
        // x' = x^2, x(0) = 3: x(t) = 3 / (1 - 3t), c_j = 3^(j+1)
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> pd = TaylorProgram.record(td, 1, x -> td.hadamard(x, x));
        assertEquals(1, pd.products());
        assertEquals(2, pd.size());
        int order = 9;
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel kd = pd.seriesKernel(order, doubles(3));
        kd.coefficients();
        for (int j = 0; j <= order + 1; j++) {
            assertRelative(Math.pow(3, j + 1), kd.coefficient(0, j), 1e-15, "double c_" + j);
        }

        TracingArithmetic<Apfloat, ApMatrix> ta = TracingArithmetic.over(AP);
        TaylorProgram<Apfloat, ApMatrix> pa = TaylorProgram.record(ta, 1, x -> ta.hadamard(x, x));
        for (boolean binary : new boolean[] {false, true}) {
            TaylorKernel<Apfloat> k = pa.kernel(order, binary, apfloats("3"));
            assertEquals(binary, k instanceof BinaryTaylorKernel);
            k.coefficients();
            for (int j = 0; j <= order + 1; j++) {
                assertEquals(Math.pow(3, j + 1), k.magnitude(0, j), 0, "binary " + binary + ", c_" + j);
            }
            // sum_{j<=K} 3^(j+1) s^j at s = 1/10, exactly
            BigDecimal s = new BigDecimal("0.1");
            BigDecimal expected = BigDecimal.ZERO;
            for (int j = 0; j <= order; j++) {
                expected = expected.add(BigDecimal.valueOf(3).pow(j + 1).multiply(s.pow(j)));
            }
            assertDigits(expected, k.evaluate(AP.parse("0.1"))[0], 38, "binary " + binary + ", x(0.1)");
            assertEquals(3.0, k.stateDoubles()[0], "evaluate leaves the state");
            assertEquals(0, k.state()[0].compareTo(AP.of(3)), "evaluate leaves the state");
        }
    }

    @Test
    void affineFieldHasTheShiftedExponentialSeries() {
        // x' = 2 x - 1, x(0) = 3/4: x(t) = 1/2 + e^{2t} / 4, so c_0 = 3/4 and c_j = 2^j / (4 j!)
        TracingArithmetic<Apfloat, ApMatrix> ta = TracingArithmetic.over(AP);
        TaylorProgram<Apfloat, ApMatrix> pa = TaylorProgram.record(ta, 1, x -> affine(ta, x, 2, -1));
        assertEquals(0, pa.products());
        assertEquals(3, pa.size());
        int order = 14;
        for (boolean binary : new boolean[] {false, true}) {
            TaylorKernel<Apfloat> k = pa.kernel(order, binary, apfloats("0.75"));
            k.coefficients();
            assertEquals(0.75, k.magnitude(0, 0));
            for (int j = 1; j <= order + 1; j++) {
                assertRelative(Math.pow(2, j) / 4 / factorial(j).doubleValue(), k.magnitude(0, j), 1e-15,
                        "binary " + binary + ", c_" + j);
            }
            // the Taylor polynomial at s = 1/2: 3/4 + sum_{1<=j<=K} 1/(4 j!)
            BigDecimal expected = new BigDecimal("0.75");
            for (int j = 1; j <= order; j++) {
                expected = expected.add(BigDecimal.ONE.divide(factorial(j).multiply(BigDecimal.valueOf(4)), REF));
            }
            assertDigits(expected, k.evaluate(AP.parse("0.5"))[0], 38, "binary " + binary);
        }
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> pd = TaylorProgram.record(td, 1, x -> affine(td, x, 2, -1));
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel kd = pd.seriesKernel(order, doubles(0.75));
        kd.coefficients();
        assertEquals(0.75, kd.coefficient(0, 0));
        for (int j = 1; j <= order + 1; j++) {
            assertRelative(Math.pow(2, j) / 4 / factorial(j).doubleValue(), kd.coefficient(0, j), 1e-14, "c_" + j);
        }
    }

    /** {@code c x + b}, entry by entry (a MULC and an ADDC node each). */
    private static <S, M> TracedMatrix affine(TracingArithmetic<S, M> tr, TracedMatrix x, long c, long b) {
        TracedMatrix y = tr.zeros(x.rows(), 1);
        for (int i = 0; i < x.rows(); i++) {
            tr.set(y, i, 0, tr.add(tr.mul(tr.of(c), tr.get(x, i, 0)), tr.of(b)));
        }
        return y;
    }

    @Test
    void rotationHasTheCosineAndSineSeries() {
        // x' = -y, y' = x, (x, y)(0) = (1, 0): x = cos t, y = sin t
        int order = 11;
        for (boolean binary : new boolean[] {false, true}) {
            TracingArithmetic<Apfloat, ApMatrix> ta = TracingArithmetic.over(AP);
            TaylorProgram<Apfloat, ApMatrix> p = TaylorProgram.record(ta, 2,
                    x -> column(ta, ta.negate(ta.get(x, 1, 0)), ta.get(x, 0, 0)));
            assertEquals(3, p.size());
            TaylorKernel<Apfloat> k = p.kernel(order, binary, apfloats("1", "0"));
            k.coefficients();
            for (int j = 0; j <= order + 1; j++) {
                double c = 1 / factorial(j).doubleValue();
                assertRelative(j % 2 == 0 ? c : 0, k.magnitude(0, j), 1e-15, "binary " + binary + ", cos c_" + j);
                assertRelative(j % 2 == 1 ? c : 0, k.magnitude(1, j), 1e-15, "binary " + binary + ", sin c_" + j);
            }
            // the signs, through the Taylor polynomial at s = 1: sum_{2i<=K} (-1)^i/(2i)!, sum_{2i+1<=K} (-1)^i/(2i+1)!
            BigDecimal cos = BigDecimal.ZERO;
            BigDecimal sin = BigDecimal.ZERO;
            for (int j = 0; j <= order; j++) {
                BigDecimal term = BigDecimal.ONE.divide(factorial(j), REF);
                BigDecimal signed = (j / 2) % 2 == 0 ? term : term.negate();
                if (j % 2 == 0) {
                    cos = cos.add(signed);
                } else {
                    sin = sin.add(signed);
                }
            }
            Apfloat[] y = k.evaluate(AP.one());
            assertDigits(cos, y[0], 38, "binary " + binary + ", cos");
            assertDigits(sin, y[1], 38, "binary " + binary + ", sin");
        }
    }

    @Test
    void differenceFieldRelaxesBothComponentsToTheirMean() {
        // x' = y - x, y' = x - y, (x, y)(0) = (1, 0): x = (1 + e^{-2t})/2, y = (1 - e^{-2t})/2
        int order = 10;
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> pd = TaylorProgram.record(td, 2, x -> td.minus(
                column(td, td.get(x, 1, 0), td.get(x, 0, 0)), x));
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel kd = pd.seriesKernel(order, doubles(1, 0));
        kd.coefficients();
        TracingArithmetic<Apfloat, ApMatrix> ta = TracingArithmetic.over(AP);
        TaylorProgram<Apfloat, ApMatrix> pa = TaylorProgram.record(ta, 2, x -> ta.minus(
                column(ta, ta.get(x, 1, 0), ta.get(x, 0, 0)), x));
        TaylorKernel<Apfloat> kb = pa.kernel(order, true, apfloats("1", "0"));
        kb.coefficients();
        for (int j = 1; j <= order + 1; j++) {
            double c = expCoefficient(-2, j) / 2;
            assertRelative(c, kd.coefficient(0, j), 1e-14, "x c_" + j);
            assertRelative(-c, kd.coefficient(1, j), 1e-14, "y c_" + j);
            assertRelative(Math.abs(c), kb.magnitude(0, j), 1e-15, "binary |x c_" + j + "|");
            assertRelative(Math.abs(c), kb.magnitude(1, j), 1e-15, "binary |y c_" + j + "|");
        }
        // the signs in the binary kernel: x(1) and y(1) of the Taylor polynomials
        BigDecimal x1 = BigDecimal.ONE;
        for (int j = 1; j <= order; j++) {
            x1 = x1.add(new BigDecimal(-2).pow(j).divide(factorial(j).multiply(BigDecimal.valueOf(2)), REF));
        }
        Apfloat[] y = kb.evaluate(AP.one());
        assertDigits(x1, y[0], 38, "x(1)");
        assertDigits(BigDecimal.ONE.subtract(x1), y[1], 38, "y(1)");
    }

    @Test
    void constantComponentGivesPolynomialSeries() {
        // x' = 3, y' = x, (x, y)(0) = (2, 5): x = 2 + 3t, y = 5 + 2t + 1.5 t^2
        int order = 5;
        double[] x = {2, 3, 0, 0, 0, 0, 0};
        double[] y = {5, 2, 1.5, 0, 0, 0, 0};
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> pd = TaylorProgram.record(td, 2, v -> column(td, td.of(3), td.get(v, 0, 0)));
        assertEquals(2, pd.size());
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel kd = pd.seriesKernel(order, doubles(2, 5));
        kd.coefficients();
        TracingArithmetic<Apfloat, ApMatrix> ta = TracingArithmetic.over(AP);
        TaylorProgram<Apfloat, ApMatrix> pa = TaylorProgram.record(ta, 2, v -> column(ta, ta.of(3), ta.get(v, 0, 0)));
        TaylorKernel<Apfloat> kb = pa.kernel(order, true, apfloats("2", "5"));
        assertInstanceOf(BinaryTaylorKernel.class, kb);
        kb.coefficients();
        for (int j = 0; j <= order + 1; j++) {
            assertEquals(x[j], kd.coefficient(0, j), "x c_" + j);
            assertEquals(y[j], kd.coefficient(1, j), "y c_" + j);
            assertEquals(x[j], kb.magnitude(0, j), "binary x c_" + j);
            assertEquals(y[j], kb.magnitude(1, j), "binary y c_" + j);
        }
        // advance to t = 2: (8, 5 + 4 + 6) = (8, 15), exactly; then the series at the new state
        kb.advance(AP.of(2));
        kd.advance(2.0);
        assertEquals(8.0, kb.stateDoubles()[0]);
        assertEquals(15.0, kb.stateDoubles()[1]);
        assertEquals(0, kb.state()[1].compareTo(AP.of(15)));
        assertEquals(8.0, kd.stateDoubles()[0]);
        assertEquals(15.0, kd.state()[1]);
        kb.coefficients();
        kd.coefficients();
        assertEquals(8.0, kb.magnitude(1, 1));
        assertEquals(8.0, kd.coefficient(1, 1));
        assertEquals(1.5, kd.coefficient(1, 2));
        assertEquals(1.5, kb.magnitude(1, 2));
    }

    @Test
    void advancingTwiceComposesTheTaylorPolynomials() {
        // x' = x, x(0) = 1: advancing by s gives P(s) = sum_{j<=K} s^j / j!, and again P(s)^2 (the field is linear)
        int order = 16;
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal poly = BigDecimal.ZERO;
        for (int j = 0; j <= order; j++) {
            poly = poly.add(half.pow(j).divide(factorial(j), REF));
        }
        TracingArithmetic<Apfloat, ApMatrix> ta = TracingArithmetic.over(AP);
        TaylorProgram<Apfloat, ApMatrix> pa = TaylorProgram.record(ta, 1, x -> ta.scale(ta.of(1), x));
        for (boolean binary : new boolean[] {false, true}) {
            TaylorKernel<Apfloat> k = pa.kernel(order, binary, apfloats("1"));
            k.coefficients();
            k.advance(AP.parse("0.5"));
            assertDigits(poly, k.state()[0], 38, "binary " + binary + ", one step");
            k.coefficients();
            k.advance(AP.parse("0.5"));
            assertDigits(poly.multiply(poly), k.state()[0], 38, "binary " + binary + ", two steps");
            assertEquals(poly.multiply(poly).doubleValue(), k.stateDoubles()[0], 1e-15);
        }
    }

    @Test
    void productsOfDistinctSeriesFollowTheCauchyRule() {
        // x' = x y, y' = -y, (x, y)(0) = (1, 1): y = e^{-t}, x = exp(1 - e^{-t}), whose coefficients
        // (sum_n u^n / n! with u = 1 - e^{-t} = t - t^2/2 + t^3/6 - ..., in exact fractions) are
        double[] x = {1, 1, 0, -1.0 / 6, 1.0 / 24, 1.0 / 60, -1.0 / 80};
        int order = 5;
        TracingArithmetic<Apfloat, ApMatrix> ta = TracingArithmetic.over(AP);
        TaylorProgram<Apfloat, ApMatrix> pa = TaylorProgram.record(ta, 2, v -> column(ta,
                ta.mul(ta.get(v, 0, 0), ta.get(v, 1, 0)), ta.negate(ta.get(v, 1, 0))));
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> pd = TaylorProgram.record(td, 2, v -> column(td,
                td.mul(td.get(v, 0, 0), td.get(v, 1, 0)), td.negate(td.get(v, 1, 0))));
        TaylorKernel<Apfloat> kb = pa.kernel(order, true, apfloats("1", "1"));
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel kd = pd.seriesKernel(order, doubles(1, 1));
        kb.coefficients();
        kd.coefficients();
        for (int j = 0; j <= order + 1; j++) {
            assertEquals(x[j], kd.coefficient(0, j), 1e-16, "x c_" + j);
            assertEquals(Math.abs(x[j]), kb.magnitude(0, j), 1e-16, "binary x c_" + j);
            assertEquals(expCoefficient(-1, j), kd.coefficient(1, j), 1e-16, "y c_" + j);
        }
    }

    @Test
    void intervalSeriesEncloseTheCoefficientsOfEveryStateInTheBox() {
        // x' = x^2 over x(0) in [0, 1]: c_j = x0^(j+1) for each x0 in the box, so c_j contains 0 and 1
        IntervalArithmetic ia = IntervalArithmetic.digits(20);
        TracingArithmetic<Interval, IntervalMatrix> ti = TracingArithmetic.over(ia);
        TaylorProgram<Interval, IntervalMatrix> p = TaylorProgram.record(ti, 1, x -> ti.hadamard(x, x));
        int order = 6;
        TaylorProgram<Interval, IntervalMatrix>.SeriesKernel k = p.seriesKernel(order,
                new Interval[] {ia.interval("0", "1")});
        k.coefficients();
        for (int j = 0; j <= order + 1; j++) {
            assertTrue(k.coefficient(0, j).contains(BigDecimal.ZERO), "c_" + j + " = " + k.coefficient(0, j));
            assertTrue(k.coefficient(0, j).contains(BigDecimal.ONE), "c_" + j + " = " + k.coefficient(0, j));
        }
        // over x(0) in [-1, 0]: c_j contains (-1)^(j+1) and 0
        TaylorProgram<Interval, IntervalMatrix>.SeriesKernel kn = p.seriesKernel(order,
                new Interval[] {ia.interval("-1", "0")});
        kn.coefficients();
        for (int j = 0; j <= order + 1; j++) {
            assertTrue(kn.coefficient(0, j).contains(BigDecimal.ZERO), "c_" + j + " = " + kn.coefficient(0, j));
            assertTrue(kn.coefficient(0, j).contains(BigDecimal.ONE.negate().pow(j + 1)), "c_" + j + " = " + kn.coefficient(0, j));
        }
        // x' = x^2 + 1, x(0) = [0, 0]: x = tan t = t + t^3/3 + 2 t^5/15 + 17 t^7/315
        TracingArithmetic<Interval, IntervalMatrix> t2 = TracingArithmetic.over(ia);
        TaylorProgram<Interval, IntervalMatrix> tan = TaylorProgram.record(t2, 1,
                x -> affine(t2, t2.hadamard(x, x), 1, 1));
        TaylorProgram<Interval, IntervalMatrix>.SeriesKernel kt = tan.seriesKernel(order,
                new Interval[] {ia.zero()});
        kt.coefficients();
        String[] tanCoefficients = {"0", "1", "0", "1/3", "0", "2/15", "0", "17/315"};
        for (int j = 0; j <= order + 1; j++) {
            String[] q = (tanCoefficients[j] + "/1").split("/");
            BigDecimal num = new BigDecimal(q[0]);
            BigDecimal den = new BigDecimal(q[1]);
            Interval c = kt.coefficient(0, j);
            assertTrue(c.contains(ia.interval(num.divide(den, new MathContext(20, java.math.RoundingMode.FLOOR)),
                    num.divide(den, new MathContext(20, java.math.RoundingMode.CEILING)))), "tan c_" + j + " = " + c);
            assertTrue(c.width().compareTo(new BigDecimal("1e-15")) < 0, "tan c_" + j + " = " + c);
            if (j % 2 == 0) {
                assertEquals(0, c.lo().signum(), "even coefficients of tan are exactly zero: " + c);
                assertEquals(0, c.hi().signum(), "even coefficients of tan are exactly zero: " + c);
            }
        }
    }

    @Test
    void everyKernelReturnsArraysOfTheScalarType() {
        // a caller holding a concrete scalar type reads the state and the samples as arrays of that type
        TracingArithmetic<Apfloat, ApMatrix> ta = TracingArithmetic.over(AP);
        TaylorProgram<Apfloat, ApMatrix> pa = TaylorProgram.record(ta, 2, v -> ta.scale(ta.of(2), v));
        for (boolean binary : new boolean[] {false, true}) {
            TaylorKernel<Apfloat> k = pa.kernel(2, binary, apfloats("1", "-3"));
            k.coefficients();
            Apfloat[] state = k.state();
            Apfloat[] sample = k.evaluate(AP.one());
            assertEquals(0, state[1].compareTo(AP.of(-3)), "binary " + binary);
            // 1 + 2 + 2 = 5 times the state
            assertEquals(0, sample[1].compareTo(AP.of(-15)), "binary " + binary);
        }
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> pd = TaylorProgram.record(td, 1, v -> td.scale(td.of(2), v));
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel kd = pd.seriesKernel(2, doubles(0.5));
        kd.coefficients();
        Double[] sample = kd.evaluate(1.0);
        assertEquals(2.5, sample[0]);
        Double[] state = kd.state();
        assertEquals(0.5, state[0]);
        IntervalArithmetic ia = IntervalArithmetic.digits(12);
        TracingArithmetic<Interval, IntervalMatrix> ti = TracingArithmetic.over(ia);
        TaylorProgram<Interval, IntervalMatrix> pi = TaylorProgram.record(ti, 1, v -> ti.scale(ti.of(2), v));
        TaylorProgram<Interval, IntervalMatrix>.SeriesKernel ki = pi.seriesKernel(2, new Interval[] {ia.of(1)});
        ki.coefficients();
        Interval[] y = ki.evaluate(ia.one());
        assertTrue(y[0].contains(BigDecimal.valueOf(5)), y[0].toString());
    }

    @Test
    void binaryKernelFallsBackToTheArithmeticOutsideBigDecimalsRange() {
        TracingArithmetic<Apfloat, ApMatrix> ta = TracingArithmetic.over(AP);
        TaylorProgram<Apfloat, ApMatrix> square = TaylorProgram.record(ta, 1, x -> ta.hadamard(x, x));
        // a state with a decimal exponent beyond an int: x' = x^2 still has c_1 = x0^2
        Apfloat tiny = AP.parse("1e-3000000000");
        TaylorKernel<Apfloat> k = square.kernel(3, true, new Apfloat[] {tiny});
        assertInstanceOf(TaylorProgram.SeriesKernel.class, k);
        k.coefficients();
        @SuppressWarnings("unchecked")
        TaylorProgram<Apfloat, ApMatrix>.SeriesKernel sk = (TaylorProgram<Apfloat, ApMatrix>.SeriesKernel) k;
        assertEquals(0, sk.coefficient(0, 1).compareTo(AP.parse("1e-6000000000")));
        // a constant of the field out of range: x' = 10^3000000000 x
        TracingArithmetic<Apfloat, ApMatrix> tb = TracingArithmetic.over(AP);
        TaylorProgram<Apfloat, ApMatrix> huge = TaylorProgram.record(tb, 1,
                x -> tb.scale(tb.parse("1e3000000000"), x));
        TaylorKernel<Apfloat> kh = huge.kernel(1, true, apfloats("2"));
        assertInstanceOf(TaylorProgram.SeriesKernel.class, kh);
        kh.coefficients();
        assertEquals(0, kh.evaluate(AP.parse("1e-3000000000"))[0].compareTo(AP.parse("4")),
                "2 + 2 * 10^3000000000 s at s = 10^-3000000000: " + kh.evaluate(AP.parse("1e-3000000000"))[0]);
        // double has no binary kernel
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> pd = TaylorProgram.record(td, 1, x -> td.hadamard(x, x));
        assertInstanceOf(TaylorProgram.SeriesKernel.class, pd.kernel(3, true, doubles(2)));
    }

    // ------------------------------------------------------------------ log norm

    @Test
    void logNormOfALinearFieldIsTheLargestEigenvalueOfItsSymmetricPart() {
        // A = [[1, 2], [0, -3]]: (A + A')/2 = [[1, 1], [1, -3]], eigenvalues -1 +- sqrt(5)
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> p = TaylorProgram.record(td, 2,
                x -> td.mult(td.fromDoubles(2, 2, 1, 2, 0, -3), x));
        assertEquals(-1 + Math.sqrt(5), p.logNorm(new double[] {0.3, -7}), 1e-14);
        // A' has the same symmetric part
        TracingArithmetic<Double, DMatrixRMaj> t2 = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> q = TaylorProgram.record(t2, 2,
                x -> t2.mult(t2.fromDoubles(2, 2, 1, 0, 2, -3), x));
        assertEquals(-1 + Math.sqrt(5), q.logNorm(new double[] {5, 1}), 1e-14);
        // a negative definite field: A = diag(-2, -5), mu = -2
        TracingArithmetic<Double, DMatrixRMaj> t3 = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> r = TaylorProgram.record(t3, 2,
                x -> t3.mult(t3.fromDoubles(2, 2, -5, 0, 0, -2), x));
        assertEquals(-2, r.logNorm(new double[] {1, 1}), 1e-14);
    }

    @Test
    void logNormOfAScalarPolynomialIsItsDerivative() {
        // g(x) = ((2x)(x + 1) - (-x) + x) x = 2x^3 + 4x^2, g'(x) = 6x^2 + 8x; at x = 3: 78, at x = -1: -2
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> p = TaylorProgram.record(td, 1, v -> {
            Traced x = td.get(v, 0, 0);
            Traced prod = td.mul(td.mul(td.of(2), x), td.add(x, td.of(1)));
            Traced f = td.add(td.sub(prod, td.negate(x)), x);
            return column(td, td.mul(f, x));
        });
        assertEquals(78, p.logNorm(new double[] {3}), 1e-12);
        assertEquals(-2, p.logNorm(new double[] {-1}), 1e-12);
        // the series agrees: c_1 = g(3) = 54 + 36 = 90
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel k = p.seriesKernel(1, doubles(3));
        k.coefficients();
        assertEquals(90, k.coefficient(0, 1));
        // and c_2 = g'(x) g(x) / 2 = 78 * 90 / 2
        assertEquals(78 * 90 / 2.0, k.coefficient(0, 2));
    }

    @Test
    void logNormTreatsConstantComponentsAsZeroRows() {
        // g = (x y, 5): J = [[y, x], [0, 0]]; at (2, 1): sym = [[1, 1], [1, 0]], mu = (1 + sqrt 5)/2
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> p = TaylorProgram.record(td, 2,
                v -> column(td, td.mul(td.get(v, 0, 0), td.get(v, 1, 0)), td.of(5)));
        assertEquals((1 + Math.sqrt(5)) / 2, p.logNorm(new double[] {2, 1}), 1e-14);
    }

    @Test
    void logNormIsInfiniteWhenTheJacobianOverflows() {
        // g(x) = x^3: J = 3 x^2 overflows at x = 1e200
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        TaylorProgram<Double, DMatrixRMaj> p = TaylorProgram.record(td, 1,
                v -> td.hadamard(td.hadamard(v, v), v));
        assertEquals(2, p.products());
        assertEquals(Double.POSITIVE_INFINITY, p.logNorm(new double[] {1e200}));
        assertEquals(3e100, p.logNorm(new double[] {1e50}), 1e86);
    }

    // ------------------------------------------------------------------ recording

    @Test
    void recordingKeepsOnlyTheNodesTheOutputsDependOn() {
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        // an unrelated tape before the field's inputs
        Traced early = td.get(td.inputs(1), 0, 0);
        td.mul(early, early);
        int before = td.tapeSize();
        assertEquals(2, before);
        TaylorProgram<Double, DMatrixRMaj> p = TaylorProgram.record(td, 2, v -> {
            Traced x = td.get(v, 0, 0);
            Traced y = td.get(v, 1, 0);
            td.mul(td.mul(x, y), x); // dead: never reaches an output
            Traced live = td.sub(td.mul(x, x), y);
            td.negate(live); // dead
            return column(td, live, td.add(x, td.of(2)));
        });
        assertEquals(before + 2 + 6, td.tapeSize());
        // inputs, x*x, x*x - y, x + 2
        assertEquals(5, p.size());
        assertEquals(1, p.products());
        // g(3, 4) = (5, 5)
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel k = p.seriesKernel(0, doubles(3, 4));
        k.coefficients();
        assertEquals(5.0, k.coefficient(0, 1));
        assertEquals(5.0, k.coefficient(1, 1));
    }

    @Test
    void recordingRejectsMalformedFieldsByName() {
        TracingArithmetic<Double, DMatrixRMaj> td = TracingArithmetic.over(D);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaylorProgram.record(td, 2, v -> td.zeros(2, 2)));
        assertEquals("field derivative must be a 2x1 vector, got 2x2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaylorProgram.record(td, 2, v -> td.zeros(3, 1)));
        assertEquals("field derivative must be a 2x1 vector, got 3x1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaylorProgram.record(td, 0, v -> v));
        assertEquals("dimension must be >= 1, got 0", e.getMessage());

        // a value recorded before the inputs, at the very start of the tape
        TracingArithmetic<Double, DMatrixRMaj> fresh = TracingArithmetic.over(D);
        TracedMatrix start = fresh.inputs(1);
        e = assertThrows(IllegalArgumentException.class, () -> TaylorProgram.record(fresh, 1, v -> start));
        assertEquals("field returned a value recorded before its inputs", e.getMessage());

        TracingArithmetic<Double, DMatrixRMaj> other = TracingArithmetic.over(D);
        e = assertThrows(IllegalArgumentException.class, () -> TaylorProgram.record(td, 1, v -> other.inputs(1)));
        assertEquals("field returned a value recorded by another tracing arithmetic", e.getMessage());

        TracedMatrix early = td.inputs(1);
        e = assertThrows(IllegalArgumentException.class, () -> TaylorProgram.record(td, 1, v -> early));
        assertEquals("field returned a value recorded before its inputs", e.getMessage());
        int node = td.get(early, 0, 0).node;
        e = assertThrows(IllegalArgumentException.class, () -> TaylorProgram.record(td, 1, v -> td.plus(early, v)));
        assertEquals("field used a value recorded before its inputs (node " + node + ")", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaylorProgram.record(td, 1, v -> td.plus(v, early)));
        assertEquals("field used a value recorded before its inputs (node " + node + ")", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaylorProgram.record(td, 1,
                v -> td.scale(td.of(3), td.plus(v, early))));
        assertEquals("field used a value recorded before its inputs (node " + node + ")", e.getMessage());
    }

    private static <S, M> TracedMatrix column(TracingArithmetic<S, M> tr, Traced... entries) {
        TracedMatrix m = tr.zeros(entries.length, 1);
        for (int i = 0; i < entries.length; i++) {
            tr.set(m, i, 0, entries[i]);
        }
        return m;
    }
}

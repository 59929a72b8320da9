package gfgd.taylor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import java.util.function.UnaryOperator;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TracingArithmeticTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** Inputs of the programs {@link #valuesAt} records. */
    private static final int N = 6;

    private final TracingArithmetic<Double, DMatrixRMaj> tr = TracingArithmetic.over(D);

    /**
     * The entries (row-major, at most {@link #N}) of {@code f(x)} for the state {@code x} (padded with zeros
     * to {@link #N} inputs): the field is recorded with the entries as outputs and each value read off as
     * the Taylor coefficient {@code c_1 = g(x)} of a series kernel, i.e. computed from the recorded tape.
     */
    private double[] valuesAt(double[] x, UnaryOperator<TracedMatrix> f) {
        int[] count = new int[1];
        TaylorProgram<Double, DMatrixRMaj> p = TaylorProgram.record(tr, N, v -> {
            TracedMatrix r = f.apply(v);
            count[0] = r.rows() * r.cols();
            TracedMatrix out = tr.zeros(N, 1);
            for (int k = 0; k < count[0]; k++) {
                tr.set(out, k, 0, r.get(k / r.cols(), k % r.cols()));
            }
            return out;
        });
        Double[] state = new Double[N];
        for (int i = 0; i < N; i++) {
            state[i] = i < x.length ? x[i] : 0.0;
        }
        TaylorProgram<Double, DMatrixRMaj>.SeriesKernel k = p.seriesKernel(0, state);
        k.coefficients();
        double[] y = new double[count[0]];
        for (int i = 0; i < y.length; i++) {
            y[i] = k.coefficient(i, 1);
        }
        return y;
    }

    private TracedMatrix column(Traced... entries) {
        TracedMatrix m = tr.zeros(entries.length, 1);
        for (int i = 0; i < entries.length; i++) {
            tr.set(m, i, 0, entries[i]);
        }
        return m;
    }

    private static Traced in(TracedMatrix v, int i) {
        return v.get(i, 0);
    }


    @Test
    void constantsFoldAndZeroProductsAreNotRecorded() {
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(ApfloatArithmetic.digits(20));
        TracedMatrix x = tr.inputs(2);
        int before = tr.tapeSize();
        Traced c = tr.mul(tr.parse("0.5"), tr.of(4));
        assertTrue(c.isConstant());
        assertEquals(2.0, tr.toDouble(c));
        assertTrue(tr.mul(tr.zero(), tr.get(x, 0, 0)).isConstant());
        assertEquals(tr.get(x, 1, 0), tr.mul(tr.one(), tr.get(x, 1, 0)));
        assertEquals(tr.get(x, 1, 0), tr.add(tr.zero(), tr.get(x, 1, 0)));
        assertEquals(before, tr.tapeSize());
        tr.mul(tr.get(x, 0, 0), tr.get(x, 1, 0));
        assertEquals(before + 1, tr.tapeSize());
    }

    @Test
    void nonPolynomialOperationsOnTracedValuesAreRejectedByName() {
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(ApfloatArithmetic.digits(20));
        Traced x = tr.get(tr.inputs(1), 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tr.div(tr.one(), x));
        assertTrue(e.getMessage().contains("not a polynomial vector field: division (reciprocal) of a traced value"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tr.sqrt(x));
        assertTrue(e.getMessage().contains("not a polynomial vector field: sqrt of a traced value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tr.compare(x, tr.zero()));
        assertTrue(e.getMessage().contains("not a polynomial vector field: compare of a traced value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tr.signum(x));
        assertTrue(e.getMessage().contains("signum of a traced value"), e.getMessage());
        assertEquals(0.25, tr.toDouble(tr.div(tr.of(1), tr.of(4))));
    }

    @Test
    void scalarOperationsRecordTheirValues() {
        // x = 3, y = -2 (inputs 0 and 1)
        double[] got = valuesAt(new double[] {3, -2}, v -> column(
                tr.add(in(v, 0), in(v, 1)), tr.sub(in(v, 0), in(v, 1)), tr.mul(in(v, 0), in(v, 1)),
                tr.negate(in(v, 0)), tr.div(in(v, 1), tr.of(8)), tr.mul(in(v, 0), in(v, 0))));
        assertArrayEquals(new double[] {1, 5, -6, -3, -0.25, 9}, got);
        // with a constant on either side
        got = valuesAt(new double[] {3}, v -> column(
                tr.add(tr.of(5), in(v, 0)), tr.add(in(v, 0), tr.of(5)), tr.sub(tr.of(5), in(v, 0)),
                tr.sub(in(v, 0), tr.of(5)), tr.mul(tr.of(5), in(v, 0)), tr.mul(in(v, 0), tr.of(5))));
        assertArrayEquals(new double[] {8, 8, 2, -2, 15, 15}, got);
        // with zero or one on either side
        got = valuesAt(new double[] {3}, v -> column(
                tr.sub(tr.zero(), in(v, 0)), tr.sub(in(v, 0), tr.zero()), tr.mul(in(v, 0), tr.zero()),
                tr.mul(tr.one(), in(v, 0)), tr.mul(in(v, 0), tr.one()), tr.add(in(v, 0), tr.zero())));
        assertArrayEquals(new double[] {-3, 3, 0, 3, 3, 3}, got);
    }

    @Test
    void identitiesReturnTheOperandWithoutRecording() {
        Traced x = in(tr.inputs(1), 0);
        int size = tr.tapeSize();
        assertSame(x, tr.add(x, tr.zero()));
        assertSame(x, tr.add(tr.of(0), x));
        assertSame(x, tr.sub(x, tr.zero()));
        assertSame(x, tr.mul(x, tr.of(1)));
        assertSame(x, tr.mul(tr.one(), x));
        assertSame(tr.zero(), tr.mul(x, tr.of(0)));
        assertSame(tr.zero(), tr.mul(tr.zero(), x));
        assertSame(x, tr.div(x, tr.one()));
        assertEquals(size, tr.tapeSize());
        // each other operation records exactly one node (c - x: a negation and an addition)
        tr.add(x, x);
        tr.sub(x, x);
        tr.mul(x, x);
        tr.negate(x);
        tr.add(x, tr.of(2));
        tr.sub(x, tr.of(2));
        tr.mul(x, tr.of(2));
        tr.sub(tr.zero(), x);
        assertEquals(size + 8, tr.tapeSize());
        tr.sub(tr.of(2), x);
        assertEquals(size + 10, tr.tapeSize());
    }

    @Test
    void constantsFoldInTheBaseArithmetic() {
        int size = tr.tapeSize();
        assertEquals(7.5, tr.toDouble(tr.add(tr.of(5), tr.parse("2.5"))));
        assertEquals(2.5, tr.toDouble(tr.sub(tr.of(5), tr.parse("2.5"))));
        assertEquals(-2.5, tr.toDouble(tr.sub(tr.zero(), tr.parse("2.5"))));
        assertEquals(12.5, tr.toDouble(tr.mul(tr.of(5), tr.parse("2.5"))));
        assertEquals(2.0, tr.toDouble(tr.div(tr.of(5), tr.parse("2.5"))));
        assertEquals(-0.375, tr.toDouble(tr.negate(tr.exact(0.375))));
        assertEquals(3.0, tr.toDouble(tr.sqrt(tr.of(9))));
        assertEquals(4.0, tr.toDouble(tr.abs(tr.of(-4))));
        assertEquals(Math.exp(1.5), tr.toDouble(tr.exp(tr.exact(1.5))));
        assertEquals(Math.log(7), tr.toDouble(tr.log(tr.of(7))));
        assertEquals(-1, tr.signum(tr.of(-3)));
        assertEquals(0, tr.signum(tr.zero()));
        assertEquals(1, tr.signum(tr.one()));
        assertEquals(-1, tr.compare(tr.of(2), tr.of(3)));
        assertEquals(1, tr.compare(tr.of(3), tr.of(2)));
        assertEquals(0, tr.compare(tr.ratio(1, 2), tr.exact(0.5)));
        assertEquals(size, tr.tapeSize());
        assertTrue(tr.of(5).isConstant());
        assertEquals(5.0, tr.constantValue(tr.of(5)));
        assertEquals("const 5.0", tr.of(5).toString());
        assertEquals("5.0", tr.toString(tr.of(5)));
        assertEquals(D.epsilon(), tr.epsilon());
        assertEquals("tracing(double)", tr.name());
        assertEquals("tracing(" + ApfloatArithmetic.digits(20).name() + ")",
                TracingArithmetic.over(ApfloatArithmetic.digits(20)).name());
        assertSame(D, tr.base());
    }

    @Test
    void theFirstNodeOfATapeIsNotAConstant() {
        TracingArithmetic<Double, DMatrixRMaj> fresh = TracingArithmetic.over(D);
        Traced first = fresh.get(fresh.inputs(1), 0, 0);
        assertEquals(0, first.node);
        assertFalse(first.isConstant());
        assertEquals("node 0", first.toString());
        assertEquals("node 0", fresh.toString(first));
    }

    @Test
    void tracedValuesAreNodesOfTheTape() {
        TracedMatrix v = tr.inputs(2);
        assertEquals(2, v.rows());
        assertEquals(1, v.cols());
        Traced x = in(v, 0);
        Traced p = tr.mul(x, in(v, 1));
        assertTrue(!x.isConstant());
        assertEquals(tr.tapeSize() - 1, p.node);
        assertEquals("node " + p.node, p.toString());
        assertEquals("node " + p.node, tr.toString(p));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tr.constantValue(p));
        assertTrue(e.getMessage().startsWith("not a polynomial vector field: constantValue of a traced value"),
                e.getMessage());
        for (String op : new String[] {"abs", "exp", "log", "toDouble"}) {
            e = assertThrows(IllegalArgumentException.class, () -> {
                switch (op) {
                    case "abs" -> tr.abs(x);
                    case "exp" -> tr.exp(x);
                    case "log" -> tr.log(x);
                    default -> tr.toDouble(x);
                }
            });
            assertEquals("not a polynomial vector field: " + op + " of a traced value"
                    + " (Taylor integration needs a field built from +, -, * and constants only)", e.getMessage());
        }
        e = assertThrows(IllegalArgumentException.class, () -> tr.compare(tr.zero(), x));
        assertTrue(e.getMessage().contains("compare of a traced value"), e.getMessage());
        ArithmeticException z = assertThrows(ArithmeticException.class, () -> tr.div(x, tr.zero()));
        assertEquals("division by zero", z.getMessage());
        assertThrows(ArithmeticException.class, () -> tr.div(tr.one(), tr.zero()));
    }

    @Test
    void valuesOfAnotherTracerAreRejected() {
        TracingArithmetic<Double, DMatrixRMaj> other = TracingArithmetic.over(D);
        Traced foreign = in(other.inputs(1), 0);
        Traced mine = in(tr.inputs(1), 0);
        String message = "value " + foreign + " was recorded by another tracing arithmetic";
        for (int n = 0; n < 8; n++) {
            int which = n;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                switch (which) {
                    case 0 -> tr.add(foreign, mine);
                    case 1 -> tr.add(mine, foreign);
                    case 2 -> tr.sub(foreign, mine);
                    case 3 -> tr.sub(mine, foreign);
                    case 4 -> tr.mul(foreign, mine);
                    case 5 -> tr.mul(mine, foreign);
                    case 6 -> tr.negate(foreign);
                    default -> tr.set(tr.zeros(1, 1), 0, 0, foreign);
                }
            });
            assertEquals(message, e.getMessage(), "case " + n);
        }
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> tr.div(foreign, tr.one())).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> tr.toString(foreign)).getMessage());
        assertEquals("value const 1.0 was recorded by another tracing arithmetic",
                assertThrows(IllegalArgumentException.class, () -> tr.sqrt(other.one())).getMessage());
    }

    @Test
    void longTapesGrowAndStayExact() {
        // x_{n+1} = x_n * 1.5 + x, 300 nodes past the initial 64 slots: with x = 2, x_n = 2 (1.5^(n+1) - 1) / 0.5
        double[] got = valuesAt(new double[] {2}, v -> {
            Traced acc = in(v, 0);
            for (int n = 0; n < 150; n++) {
                acc = tr.add(tr.mul(acc, tr.parse("1.5")), in(v, 0));
            }
            return column(acc);
        });
        assertEquals(4 * (Math.pow(1.5, 151) - 1), got[0], 1e-12 * Math.pow(1.5, 151));
    }

    @Test
    void matricesOfConstantsComputeInTheBase() {
        TracedMatrix a = tr.fromDoubles(2, 3, 1, 2, 3, 4, 5, 6);
        TracedMatrix b = tr.fromStrings(3, 2, "1", "0.5", "-1", "2", "0", "3");
        assertEquals(2, tr.rows(a));
        assertEquals(3, tr.cols(a));
        assertEquals(6.0, tr.toDouble(tr.get(a, 1, 2)));
        assertEquals(2.0, tr.toDouble(tr.get(b, 1, 1)));
        assertArrayEquals(new double[] {-1, 13.5, -1, 30}, tr.toDoubles(tr.mult(a, b)));
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, tr.toDoubles(tr.transpose(a)));
        assertEquals(3, tr.rows(tr.transpose(a)));
        assertEquals(2, tr.cols(tr.transpose(a)));
        // a' a = [[17, 22, 27], [22, 29, 36], [27, 36, 45]], a a' = [[14, 32], [32, 77]]
        assertArrayEquals(new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, tr.toDoubles(tr.multTransA(a, a)));
        assertArrayEquals(new double[] {14, 32, 32, 77}, tr.toDoubles(tr.multTransB(a, a)));
        TracedMatrix c = tr.fromDoubles(2, 3, 6, 5, 4, 3, 2, 1);
        assertArrayEquals(new double[] {7, 7, 7, 7, 7, 7}, tr.toDoubles(tr.plus(a, c)));
        assertArrayEquals(new double[] {-5, -3, -1, 1, 3, 5}, tr.toDoubles(tr.minus(a, c)));
        assertArrayEquals(new double[] {6, 10, 12, 12, 10, 6}, tr.toDoubles(tr.hadamard(a, c)));
        assertArrayEquals(new double[] {-2, -4, -6, -8, -10, -12}, tr.toDoubles(tr.scale(tr.of(-2), a)));
        assertEquals(56.0, tr.toDouble(tr.dot(a, c)));
        assertArrayEquals(new double[] {13, 12, 11, 10, 9, 8}, tr.toDoubles(tr.addScaled(a, tr.of(2), c)));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, tr.toDoubles(a), "addScaled leaves its operand");
        TracedMatrix copy = tr.copy(a);
        tr.set(copy, 0, 0, tr.of(9));
        assertEquals(1.0, tr.toDouble(tr.get(a, 0, 0)), "a copy is independent");
        assertSame(copy, tr.addInPlace(copy, tr.of(-1), c));
        assertArrayEquals(new double[] {3, -3, -1, 1, 3, 5}, tr.toDoubles(copy));
        assertArrayEquals(new double[] {0, 0, 0, 0}, tr.toDoubles(tr.zeros(2, 2)));
        TracedMatrix vec = tr.fromDoubles(6, 1, 1, 2, 3, 4, 5, 6);
        TracedMatrix block = tr.unpack(vec, 1, 2, 2);
        assertEquals(2, block.rows());
        assertEquals(2, block.cols());
        assertArrayEquals(new double[] {2, 3, 4, 5}, tr.toDoubles(block));
        tr.pack(tr.fromDoubles(1, 2, -1, -2), vec, 4);
        assertArrayEquals(new double[] {1, 2, 3, 4, -1, -2}, tr.toDoubles(vec));
        assertTrue(tr.isFinite(vec));
        tr.set(vec, 2, 0, tr.constant(Double.POSITIVE_INFINITY));
        assertFalse(tr.isFinite(vec));
        tr.set(vec, 2, 0, tr.constant(Double.NaN));
        assertFalse(tr.isFinite(vec));
        tr.set(vec, 2, 0, in(tr.inputs(1), 0));
        assertTrue(tr.isFinite(vec), "a traced entry has no value yet");
    }

    @Test
    void matrixOperationsOnTracedEntriesRecordTheirValues() {
        // x = (1, 2, 3, 4), A = [[x0, 2], [x1, x2]] (traced and constant entries), B = [[1, x3], [x0, 0]]
        double[] x = {1, 2, 3, 4};
        UnaryOperator<TracedMatrix> a = v -> {
            TracedMatrix m = tr.fromDoubles(2, 2, 0, 2, 0, 0);
            tr.set(m, 0, 0, in(v, 0));
            tr.set(m, 1, 0, in(v, 1));
            tr.set(m, 1, 1, in(v, 2));
            return m;
        };
        UnaryOperator<TracedMatrix> b = v -> {
            TracedMatrix m = tr.fromDoubles(2, 2, 1, 0, 0, 0);
            tr.set(m, 0, 1, in(v, 3));
            tr.set(m, 1, 0, in(v, 0));
            return m;
        };
        // A = [[1, 2], [2, 3]], B = [[1, 4], [1, 0]]
        assertArrayEquals(new double[] {3, 4, 5, 8}, valuesAt(x, v -> tr.mult(a.apply(v), b.apply(v))));
        assertArrayEquals(new double[] {3, 4, 5, 8}, valuesAt(x, v -> tr.multTransA(tr.transpose(a.apply(v)), b.apply(v))));
        assertArrayEquals(new double[] {9, 1, 14, 2}, valuesAt(x, v -> tr.multTransB(a.apply(v), b.apply(v))));
        assertArrayEquals(new double[] {2, 6, 3, 3}, valuesAt(x, v -> tr.plus(a.apply(v), b.apply(v))));
        assertArrayEquals(new double[] {0, -2, 1, 3}, valuesAt(x, v -> tr.minus(a.apply(v), b.apply(v))));
        assertArrayEquals(new double[] {1, 8, 2, 0}, valuesAt(x, v -> tr.hadamard(a.apply(v), b.apply(v))));
        assertArrayEquals(new double[] {4, 8, 8, 12}, valuesAt(x, v -> tr.scale(in(v, 3), a.apply(v))));
        assertArrayEquals(new double[] {3, 10, 4, 3}, valuesAt(x, v -> tr.addScaled(a.apply(v), in(v, 1), b.apply(v))));
        assertArrayEquals(new double[] {3, 10, 4, 3}, valuesAt(x, v -> tr.addInPlace(a.apply(v), in(v, 1), b.apply(v))));
        assertArrayEquals(new double[] {11}, valuesAt(x, v -> column(tr.dot(a.apply(v), b.apply(v)))));
        assertArrayEquals(new double[] {1, 2, 2, 3}, valuesAt(x, v -> tr.transpose(tr.transpose(a.apply(v)))));
        assertArrayEquals(new double[] {2, 3}, valuesAt(x, v -> tr.unpack(v, 1, 2, 1)));
        assertArrayEquals(new double[] {1, 4, 3, 4}, valuesAt(x, v -> {
            TracedMatrix c = tr.copy(v);
            tr.pack(tr.unpack(v, 3, 1, 1), c, 1);
            return tr.unpack(c, 0, 4, 1);
        }));
        // dot with constant products summed first: x0 * 4 + 2 * 5 + 3 * x1 + 0.5 * 2 = 4 + 10 + 6 + 1
        assertArrayEquals(new double[] {21}, valuesAt(x, v -> {
            TracedMatrix p = tr.fromDoubles(4, 1, 0, 2, 3, 0.5);
            tr.set(p, 0, 0, in(v, 0));
            TracedMatrix q = tr.fromDoubles(4, 1, 4, 5, 0, 2);
            tr.set(q, 2, 0, in(v, 1));
            return column(tr.dot(p, q));
        }));
    }

    @Test
    void matrixShapesAreChecked() {
        TracedMatrix a = tr.zeros(2, 3);
        TracedMatrix b = tr.zeros(3, 2);
        assertEquals("shape mismatch: 2x3 vs 3x2",
                assertThrows(IllegalArgumentException.class, () -> tr.plus(a, b)).getMessage());
        assertEquals("shape mismatch: 2x3 vs 2x2",
                assertThrows(IllegalArgumentException.class, () -> tr.minus(a, tr.zeros(2, 2))).getMessage());
        assertEquals("shape mismatch: 2x3 vs 3x3",
                assertThrows(IllegalArgumentException.class, () -> tr.hadamard(a, tr.zeros(3, 3))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> tr.dot(a, b));
        assertThrows(IllegalArgumentException.class, () -> tr.addInPlace(a, tr.one(), b));
        assertEquals("dimension mismatch (a.cols vs b.rows): 3 vs 2",
                assertThrows(IllegalArgumentException.class, () -> tr.mult(a, tr.zeros(2, 2))).getMessage());
        assertEquals("block [5, 7) outside vector of length 6",
                assertThrows(IllegalArgumentException.class, () -> tr.unpack(tr.zeros(6, 1), 5, 2, 1)).getMessage());
        assertEquals("block [4, 7) outside vector of length 6",
                assertThrows(IllegalArgumentException.class, () -> tr.unpack(tr.zeros(6, 1), 4, 1, 3)).getMessage());
        assertEquals("block [4, 10) outside vector of length 6",
                assertThrows(IllegalArgumentException.class, () -> tr.pack(a, tr.zeros(6, 1), 4)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> tr.zeros(0, 1));
        assertThrows(IllegalArgumentException.class, () -> tr.zeros(1, 0));
        assertThrows(IllegalArgumentException.class, () -> tr.inputs(0));
    }
}

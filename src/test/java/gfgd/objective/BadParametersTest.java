package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.DoubleArithmetic;
import java.util.List;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Every entry point of the objectives refuses a parameter vector of the wrong size, a layer outside
 * the net and inconsistent data, naming the value: a wrong-sized theta must never be read as if it
 * were right (EJML would happily read past the intended block).
 */
class BadParametersTest {

    private static final DoubleArithmetic A = DoubleArithmetic.INSTANCE;
    private static final Dataset DATA = Datasets.briefExample();

    private static void refusesWrongTheta(int d, Consumer<DMatrixRMaj> call) {
        for (DMatrixRMaj bad : List.of(A.zeros(d + 1, 1), A.zeros(d - 1, 1), A.zeros(d, 2))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(bad));
            assertTrue(e.getMessage().contains("theta must be a " + d + "x1 vector, got " + bad.numRows + "x" + bad.numCols),
                    e.getMessage());
        }
    }

    @Test
    void deepLinearRefusesAThetaOfTheWrongSizeEverywhere() {
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(A, DATA, DATA.inputs(), 2, 2, DATA.outputs());
        int d = f.dimension();
        DMatrixRMaj v = A.zeros(d, 1);
        refusesWrongTheta(d, f::value);
        refusesWrongTheta(d, f::gradient);
        refusesWrongTheta(d, f::hessian);
        refusesWrongTheta(d, f::endToEnd);
        refusesWrongTheta(d, f::layers);
        refusesWrongTheta(d, t -> f.layer(t, 1));
        refusesWrongTheta(d, t -> f.hessianVectorProduct(t, v));
    }

    @Test
    void fullyConnectedRefusesAThetaOfTheWrongSizeEverywhere() {
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(A, DATA, DATA.inputs(), 3, DATA.outputs())
                .withBiases(true);
        int d = f.dimension();
        DMatrixRMaj v = A.zeros(d, 1);
        refusesWrongTheta(d, f::value);
        refusesWrongTheta(d, f::output);
        refusesWrongTheta(d, f::preActivations);
        refusesWrongTheta(d, t -> f.weight(t, 1));
        refusesWrongTheta(d, t -> f.bias(t, 1));
        refusesWrongTheta(d, t -> f.hessianVectorProduct(t, v));
    }

    @Test
    void quadraticRefusesAThetaOfTheWrongSizeEverywhere() {
        Quadratic<Double, DMatrixRMaj> q = Quadratic.of(A, A.fromDoubles(2, 2, 2, 1, 1, 3), A.vector(1, -1));
        DMatrixRMaj v = A.zeros(2, 1);
        refusesWrongTheta(2, q::value);
        refusesWrongTheta(2, q::hessian);
        refusesWrongTheta(2, t -> q.hessianVectorProduct(t, v));
    }

    @Test
    void layersOutsideTheNetAndMissingBiasesAreRefused() {
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(A, DATA, DATA.inputs(), 3, DATA.outputs());
        DMatrixRMaj theta = A.zeros(f.dimension(), 1);
        for (int l : new int[] {0, 3}) {
            assertThrows(IllegalArgumentException.class, () -> f.weight(theta, l), "layer " + l);
            assertThrows(IllegalArgumentException.class, () -> f.offsetOfWeight(l), "layer " + l);
            assertThrows(IllegalArgumentException.class, () -> f.withBiases(true).offsetOfBias(l), "layer " + l);
        }
        assertThrows(IllegalArgumentException.class, () -> f.bias(theta, 1));
        assertThrows(IllegalArgumentException.class, () -> f.offsetOfBias(1));
        FullyConnected<Double, DMatrixRMaj> g = f.withBiases(true);
        assertEquals(DATA.inputs() * 3, g.offsetOfBias(1));
        assertEquals(DATA.inputs() * 3 + 3, g.offsetOfWeight(2));
    }

    @Test
    void parametersFromLayersRefuseWrongCountsAndShapesAndRoundTrip() {
        FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(A, DATA, DATA.inputs(), 3, DATA.outputs())
                .withBiases(true);
        int n = DATA.inputs();
        int o = DATA.outputs();
        DMatrixRMaj w1 = A.fromDoubles(n, 3, new double[n * 3]);
        for (int k = 0; k < n * 3; k++) {
            w1.data[k] = k + 1;
        }
        DMatrixRMaj w2 = A.fromDoubles(3, o, new double[3 * o]);
        w2.data[0] = -7;
        DMatrixRMaj b1 = A.vector(0.5, 0.25, 0.125);
        DMatrixRMaj b2 = A.fromDoubles(o, 1, new double[o]);
        DMatrixRMaj theta = f.parameters(List.of(w1, w2), List.of(b1, b2));
        assertArrayEquals(w1.data, f.weight(theta, 1).data);
        assertArrayEquals(w2.data, f.weight(theta, 2).data);
        assertArrayEquals(b1.data, f.bias(theta, 1).data);
        assertThrows(IllegalArgumentException.class, () -> f.parameters(List.of(w1), List.of(b1, b2)));
        assertThrows(IllegalArgumentException.class, () -> f.parameters(List.of(w1, w2), List.of(b1)));
        assertThrows(IllegalArgumentException.class, () -> f.parameters(List.of(w1, w2), List.of(A.vector(1, 2), b2)));
        assertThrows(IllegalArgumentException.class, () -> f.parameters(List.of(w2, w2), List.of(b1, b2)));
    }

    @Test
    void datasetsRefuseSizesThatDoNotMatchAndNameTheNonFiniteEntry() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.of("d", 2, 2, 1, new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of("d", 2, 2, 1, new double[4], new double[3]));
        double[] x = {1, 2, 3, Double.NaN};
        String mx = assertThrows(IllegalArgumentException.class, () -> Dataset.of("d", 2, 2, 1, x, new double[2])).getMessage();
        assertTrue(mx.contains("x[1][1] must be finite, got NaN"), mx);
        double[] y = {0, 1, Double.POSITIVE_INFINITY, 0};
        String my = assertThrows(IllegalArgumentException.class, () -> Dataset.of("d", 2, 1, 2, new double[2], y)).getMessage();
        assertTrue(my.contains("y[1][0] must be finite, got Infinity"), my);
        Dataset d = Dataset.of("d", 3, 1, 1, new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(3, d.head(3).samples());
        assertEquals(1, d.head(1).samples());
        assertThrows(IllegalArgumentException.class, () -> d.head(0));
        assertThrows(IllegalArgumentException.class, () -> d.head(4));
    }
}

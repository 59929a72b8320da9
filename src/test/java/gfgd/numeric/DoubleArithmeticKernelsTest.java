package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The double arithmetic's hand-written elementwise kernels against their one-line definitions, bit for bit. */
class DoubleArithmeticKernelsTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;

    /** A column vector of any doubles (the arithmetic's own constructor admits finite entries only). */
    private static DMatrixRMaj column(double... values) {
        return DMatrixRMaj.wrap(values.length, 1, values.clone());
    }

    /** Pre-activations: seeded Gaussians, then the values at the edges of "z > 0". */
    private static double[] preActivations(int n) {
        Random r = new Random(11L);
        double[] z = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = r.nextGaussian() * Math.pow(10, r.nextInt(41) - 20);
        }
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
            Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0x1p-600, 0x1p-1073};
        System.arraycopy(edges, 0, z, 0, edges.length);
        return z;
    }

    @Test
    void scaleBySignEqualsTheSlopeChosenBySignBitForBit() {
        int n = 1003;
        double[] z = preActivations(n);
        double[] m = new double[n];
        Random r = new Random(12L);
        for (int k = 0; k < n; k++) {
            m[k] = r.nextGaussian();
        }
        m[0] = -0.0;
        double[][] slopes = {{1.0, 0.0}, {1.0, 0.25}, {1.0, -0.5}, {2.0, 1e-3}, {1.0, 1.0}};
        for (double[] s : slopes) {
            DMatrixRMaj out = D.scaleBySignInto(column(m), column(z), s[0], s[1], new DMatrixRMaj(n, 1));
            DMatrixRMaj self = D.scaleBySignInto(column(z), column(z), s[0], s[1], new DMatrixRMaj(n, 1));
            for (int k = 0; k < n; k++) {
                double slope = z[k] > 0 ? s[0] : s[1];
                assertEquals(Double.doubleToRawLongBits(m[k] * slope), Double.doubleToRawLongBits(out.data[k]),
                        "m * slope at z = " + z[k] + ", slopes " + s[0] + ", " + s[1]);
                assertEquals(Double.doubleToRawLongBits(z[k] * slope), Double.doubleToRawLongBits(self.data[k]),
                        "sigma(z) at z = " + z[k] + ", slopes " + s[0] + ", " + s[1]);
            }
        }
    }

    @Test
    void columnSumsAddEachColumnFromTheFirstRowToTheLastBitForBit() {
        Random r = new Random(13L);
        for (int[] shape : new int[][] {{1, 3}, {3, 2}, {4, 5}, {7, 5}, {899, 128}, {1797, 10}}) {
            int rows = shape[0];
            int cols = shape[1];
            DMatrixRMaj m = new DMatrixRMaj(rows, cols);
            for (int k = 0; k < m.data.length; k++) {
                m.data[k] = r.nextGaussian() * Math.pow(10, r.nextInt(17) - 8);
            }
            DMatrixRMaj s = D.columnSums(m);
            assertEquals(cols, s.numRows);
            assertEquals(1, s.numCols);
            for (int j = 0; j < cols; j++) {
                double expected = 0.0;
                for (int i = 0; i < rows; i++) {
                    expected += m.get(i, j);
                }
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(s.data[j]),
                        rows + "x" + cols + ", column " + j);
            }
        }
    }
}

package gfgd.objective;

import static gfgd.objective.DeepLinearTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialisationsTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    private static final ApfloatArithmetic A = ApfloatArithmetic.digits(40);

    /** WORKLOADS.md: L(theta0) of the deep linear workload, to 30 significant digits. */
    private static final String WORKLOAD_LOSS = "4.28423102782339561205503684576";
    /** The reference has 30 significant digits; 40-digit apfloat must reproduce ~28 of them. */
    private static final double WORKLOAD_APFLOAT_TOLERANCE = 1e-28;
    /** Data and init are exact binary fractions, so double only rounds the arithmetic (~100 operations). */
    private static final double WORKLOAD_DOUBLE_TOLERANCE = 1e-14;
    /** Sample moments of 20000 iid draws: standard error <= 0.01 relative, so 0.05 is five of them. */
    private static final double MOMENT_TOLERANCE = 0.05;
    /** Same seed, same stream, same doubles. */
    private static final double SAME_STREAM_TOLERANCE = 0.0;

    @Test
    void workloadLossAtInitialPointMatchesReference() {
        Dataset data = Datasets.deepLinearWorkload();
        InitialPoint theta0 = Initialisations.deepLinearWorkload();
        int[] widths = Initialisations.deepLinearWorkloadWidths();
        assertArrayEquals(new int[] {5, 4, 3, 1}, widths);
        assertEquals(35, theta0.dimension());
        assertEquals("0.10165119171142578125", theta0.text()[0]);

        DeepLinear<Apfloat, ApMatrix> fa = DeepLinear.of(A, data, widths);
        Apfloat reference = A.parse(WORKLOAD_LOSS);
        Apfloat la = fa.value(theta0.vector(A));
        double relA = A.toDouble(A.abs(A.div(A.sub(la, reference), reference)));
        assertTrue(relA <= WORKLOAD_APFLOAT_TOLERANCE, () -> "apfloat L(theta0) = " + A.toString(la) + ", off by " + relA);

        DeepLinear<Double, DMatrixRMaj> fd = DeepLinear.of(D, data, widths);
        double ld = fd.value(theta0.vector(D));
        assertEquals(4.28423102782339561205503684576, ld, WORKLOAD_DOUBLE_TOLERANCE * 4.284231027823396);
    }

    @Test
    void gaussianHasTheRequestedScaleAndIsSeeded() {
        InitialPoint p = Initialisations.gaussian(20000, 0.3, 1);
        assertArrayEquals(p.values(), Initialisations.gaussian(20000, 0.3, 1).values(), SAME_STREAM_TOLERANCE);
        assertNotEquals(p.values()[0], Initialisations.gaussian(20000, 0.3, 2).values()[0]);
        assertNull(p.text());
        double mean = 0;
        double sq = 0;
        for (double v : p.values()) {
            mean += v;
            sq += v * v;
        }
        assertEquals(0, mean / p.dimension() / 0.3, MOMENT_TOLERANCE);
        assertEquals(1, Math.sqrt(sq / p.dimension()) / 0.3, MOMENT_TOLERANCE);
    }

    @Test
    void uniformStaysInItsIntervalAndHasItsVariance() {
        InitialPoint p = Initialisations.uniform(20000, 0.5, 3);
        double sq = 0;
        for (double v : p.values()) {
            assertTrue(v >= -0.5 && v < 0.5, () -> "entry " + v);
            sq += v * v;
        }
        // Var U(-s, s) = s^2 / 3.
        assertEquals(1, sq / p.dimension() / (0.25 / 3), MOMENT_TOLERANCE);
        assertArrayEquals(p.values(), Initialisations.uniform(20000, 0.5, 3).values(), SAME_STREAM_TOLERANCE);
    }

    @Test
    void xavierUsesEachLayersFanInAndFanOut() {
        int[] widths = {50, 200, 1};
        InitialPoint p = Initialisations.xavier(widths, 4);
        assertEquals(DeepLinear.parameterCount(widths), p.dimension());
        double[] v = p.values();
        double limit1 = Math.sqrt(6.0 / 250);
        double limit2 = Math.sqrt(6.0 / 201);
        double max1 = 0;
        for (int k = 0; k < 10000; k++) {
            max1 = Math.max(max1, Math.abs(v[k]));
        }
        double max2 = 0;
        for (int k = 10000; k < 10200; k++) {
            max2 = Math.max(max2, Math.abs(v[k]));
        }
        assertTrue(max1 <= limit1 && max1 > 0.95 * limit1, "layer 1 fills [-a_1, a_1]: max " + max1);
        assertTrue(max2 <= limit2 && max2 > 0.9 * limit2, "layer 2 fills [-a_2, a_2]: max " + max2);
    }

    @Test
    void csvPointKeepsDecimalText(@TempDir Path dir) throws Exception {
        String csv = "k,name,i,j,value\n0,W1,0,0,0.1\n1,W1,1,0,-0.3\n2,W2,0,0,2.5e-1\n3,W2,0,1,+7\n";
        InitialPoint p = Initialisations.fromCsv(new StringReader(csv), "small", 1, 2, 1);
        assertArrayEquals(new String[] {"0.1", "-0.3", "2.5e-1", "7"}, p.text());
        assertArrayEquals(new double[] {0.1, -0.3, 0.25, 7}, p.values());
        ApMatrix v = p.vector(A);
        assertEquals(0, A.compare(A.get(v, 0, 0), A.parse("0.1")), "apfloat reads the decimal 0.1, not a double");
        assertEquals(0.1, p.vector(D).get(0, 0));
        Path file = dir.resolve("init.csv");
        Files.writeString(file, csv);
        InitialPoint q = Initialisations.fromCsv(file);
        assertEquals("init.csv", q.name());
        assertArrayEquals(p.text(), q.text());
        assertMessage(() -> Initialisations.fromCsv(dir.resolve("absent.csv")), "path", "absent.csv");
    }

    @Test
    void malformedInitialPointCsvNamesLineAndText() {
        assertMessage(() -> init("k,name,i,j,val\n0,W1,0,0,1\n"), "line 1", "header", "'k,name,i,j,val'");
        assertMessage(() -> init("k,name,i,j,value\n0,W1,0,0,1\n2,W1,1,0,1\n"), "line 3", "k must be 1", "'2'");
        assertMessage(() -> init("k,name,i,j,value\n0,W1,0,0,1\nx,W1,1,0,1\n"), "line 3", "column 'k'", "'x'");
        assertMessage(() -> init("k,name,i,j,value\n0,W1,-1,0,1\n"), "line 2", "column 'i'", "'-1'");
        assertMessage(() -> init("k,name,i,j,value\n0,W1,0,0,1\n1,W1,1,0,abc\n"), "line 3", "column 'value'", "'abc'");
        assertMessage(() -> init("k,name,i,j,value\n0,W1,0,0,NaN\n"), "line 2", "'NaN'");
        assertMessage(() -> init("k,name,i,j,value\n0,W1,0,0,1\n1,W1,1\n"), "line 3", "expected 5 fields", "got 3");
        assertMessage(() -> init("k,name,i,j,value\n"), "no data lines");
        // Layout of widths {1, 2, 2}: W1 is 2x1, W2 is 2x2.
        assertMessage(() -> init("k,name,i,j,value\n0,W1,0,0,1\n1,W1,0,1,1\n", 1, 2, 2), "line 3", "expected W1,1,0",
                "got 'W1,0,1'");
        assertMessage(() -> init("k,name,i,j,value\n0,W1,0,0,1\n1,W1,1,0,1\n2,W1,2,0,1\n", 1, 2, 2), "line 4",
                "expected W2,0,0");
        assertMessage(() -> init("k,name,i,j,value\n0,W1,0,0,1\n1,W1,1,0,1\n", 1, 2, 2), "2 parameters",
                "expected 6");
        assertMessage(() -> init("k,name,i,j,value\n0,W1,0,0,1\n1,W1,1,0,1\n2,W2,0,0,1\n", 1, 2), "line 4", "more lines than the 2",
                "[1, 2]");
    }

    private static InitialPoint init(String csv, int... widths) {
        return Initialisations.fromCsv(new StringReader(csv), "init.csv", widths);
    }

    @Test
    void badInitialisationArgumentsNameFieldAndValue() {
        assertMessage(() -> Initialisations.gaussian(0, 1, 1), "dimension", "got 0");
        assertMessage(() -> Initialisations.gaussian(3, -1, 1), "scale", "got -1.0");
        assertMessage(() -> Initialisations.uniform(3, Double.POSITIVE_INFINITY, 1), "scale", "Infinity");
        assertMessage(() -> Initialisations.xavier(new int[] {2}, 1), "widths", "[2]");
        assertMessage(() -> Initialisations.xavier(new int[] {2, 0}, 1), "widths[1]", "got 0");
        assertMessage(() -> InitialPoint.of("p", 1, Double.NaN), "values[1]", "NaN");
        assertMessage(() -> InitialPoint.of("p"), "values", "none");
        assertMessage(() -> new InitialPoint("p", new double[] {1, 2}, new String[] {"1"}), "text", "length 1");
        assertMessage(() -> InitialPoint.ofText("p", "1", "x"), "text[1]", "'x'");
        assertMessage(() -> InitialPoint.of("p", 1, 2).requireDimension(3), "'p'", "dimension 2", "expected 3");
    }
}

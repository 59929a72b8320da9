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
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    private static final DoubleArithmetic D = DoubleArithmetic.INSTANCE;
    private static final ApfloatArithmetic A = ApfloatArithmetic.digits(40);

    /** The brief quotes its constants to 6 significant digits (rounded): half a unit in the last place. */
    private static final double BRIEF_SIX_DIGITS = 5e-7;
    /** The brief quotes lambda_max to 5 significant digits. */
    private static final double BRIEF_FIVE_DIGITS = 5e-5;
    /** Sample moments of 20000 iid draws: standard error ~0.007, so 0.05 is seven standard errors. */
    private static final double MOMENT_TOLERANCE = 0.05;
    /** A planted linear teacher fits its own noise-free data up to double rounding of O(1) residuals. */
    private static final double PLANTED_LOSS_TOLERANCE = 1e-28;
    /** The same forward pass in the same order gives the same doubles. */
    private static final double SAME_ORDER_TOLERANCE = 0.0;

    @Test
    void csvKeepsDecimalTextAndSplitsTargets() {
        String csv = "a, b ,t1,t2\n0.1,-2.5e-1,+3,4.\n.5,6,7,8\n\n";
        Dataset d = Datasets.fromCsv(new StringReader(csv), "small", 2);
        assertEquals("small", d.name());
        assertEquals(2, d.samples());
        assertEquals(2, d.inputs());
        assertEquals(2, d.outputs());
        assertArrayEquals(new String[] {"0.1", "-2.5e-1", ".5", "6"}, d.xText());
        assertArrayEquals(new String[] {"3", "4.", "7", "8"}, d.yText());
        assertArrayEquals(new double[] {0.1, -0.25, 0.5, 6}, d.x());
        ApMatrix x = d.inputRows(A);
        assertEquals(0, A.compare(A.get(x, 0, 0), A.parse("0.1")), "apfloat reads the decimal 0.1, not a double");
        Dataset fromStream = Datasets.fromCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "small", 2);
        assertArrayEquals(d.xText(), fromStream.xText());
        assertArrayEquals(d.y(), fromStream.y());
    }

    @Test
    void csvFileIsNamedAfterTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, "x,y\r\n1,2\r\n3,4\r\n");
        Dataset d = Datasets.fromCsv(file, 1);
        assertEquals("tiny.csv", d.name());
        assertArrayEquals(new double[] {1, 3}, d.x());
        assertArrayEquals(new double[] {2, 4}, d.y());
        assertMessage(() -> Datasets.fromCsv(dir.resolve("missing.csv"), 1), "path", "missing.csv");
        assertMessage(() -> Datasets.fromCsv(dir, 1), "path", dir.toString());
    }

    @Test
    void malformedCsvNamesLineAndText() {
        assertMessage(() -> csv("x,y\n1,2\n3\n", 1), "line 3", "expected 2 fields", "got 1", "'3'");
        assertMessage(() -> csv("x,y\n1,2\n3,abc\n", 1), "line 3", "column 'y'", "'abc'");
        assertMessage(() -> csv("x,y\n1,NaN\n", 1), "line 2", "not a finite decimal number", "'NaN'");
        assertMessage(() -> csv("x,y\n1,Infinity\n", 1), "line 2", "'Infinity'");
        assertMessage(() -> csv("x,y\n1e400,1\n", 1), "line 2", "column 'x'", "'1e400'");
        assertMessage(() -> csv("x,y\n1,0x1p3\n", 1), "line 2", "'0x1p3'");
        assertMessage(() -> csv("x,y\n1,2\n\n3,4\n", 1), "line 3", "blank line");
        assertMessage(() -> csv("x,,y\n1,2,3\n", 1), "line 1", "empty column name 2", "'x,,y'");
        assertMessage(() -> csv("x,y\n1,2,\n", 1), "line 2", "got 3");
        assertMessage(() -> csv("", 1), "empty CSV");
        assertMessage(() -> csv("x,y\n", 1), "no data lines");
        assertMessage(() -> csv("x,y\n1,2\n", 0), "targetColumns", "[1, 1]", "got 0");
        assertMessage(() -> csv("x,y\n1,2\n", 2), "targetColumns", "got 2");
        assertMessage(() -> Datasets.fromCsv((java.io.InputStream) null, "missing", 1), "missing", "no such input");
        assertMessage(() -> Datasets.fromCsv((java.io.Reader) null, "absent", 1), "absent", "no such input");
    }

    private static Dataset csv(String text, int targets) {
        return Datasets.fromCsv(new StringReader(text), "test.csv", targets);
    }

    @Test
    void briefExampleIsTheBriefsData() {
        Dataset d = Datasets.briefExample();
        assertEquals(5, d.samples());
        assertEquals(3, d.inputs());
        assertEquals(1, d.outputs());
        // Sample 1 is column 1 of X = [[1.0,-0.5,...],[0.4,1.1,...],[-0.8,0.6,...]].
        assertArrayEquals(new String[] {"-0.5", "1.1", "0.6"}, java.util.Arrays.copyOfRange(d.xText(), 3, 6));
        assertArrayEquals(new String[] {"0.7", "-1.1", "0.4", "1.9", "-0.6"}, d.yText());
        DeepLinear<Apfloat, ApMatrix> f = DeepLinear.of(A, d, 3, 1);
        ApMatrix zero = A.zeros(3, 1);
        assertEquals(0, A.compare(A.parse("0.583"), f.value(zero)), "f(0) = 0.583 exactly");
        // b = grad l(0) = -(1/m) X y'.
        assertEquals(1.235014, A.toDouble(A.norm(f.gradient(zero))), BRIEF_SIX_DIGITS);
        ApMatrix wStar = A.fromStrings(3, 1, "0.820072", "-0.211045", "-0.080601");
        assertEquals(0.060989, A.toDouble(f.value(wStar)), BRIEF_SIX_DIGITS);
        DMatrixRMaj sxx = DeepLinear.of(D, d, 3, 1).hessian(D.zeros(3, 1));
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(3, false, true);
        assertTrue(eig.decompose(sxx.copy()));
        double max = Math.max(eig.getEigenvalue(0).real, Math.max(eig.getEigenvalue(1).real, eig.getEigenvalue(2).real));
        assertEquals(1.4777, max, BRIEF_FIVE_DIGITS);
    }

    @Test
    void deepLinearWorkloadDataIsReadFromTheResource() {
        Dataset d = Datasets.deepLinearWorkload();
        assertEquals(20, d.samples());
        assertEquals(5, d.inputs());
        assertEquals(1, d.outputs());
        assertEquals("0.6479034423828125", d.xText()[0]);
        assertEquals("3.9373626708984375", d.yText()[0]);
    }

    @Test
    void gaussianRegressionIsSeededAndStandardised() {
        Dataset a = Datasets.gaussianRegression(20000, 3, 2, 0.1, 5);
        Dataset b = Datasets.gaussianRegression(20000, 3, 2, 0.1, 5);
        Dataset c = Datasets.gaussianRegression(20000, 3, 2, 0.1, 6);
        assertArrayEquals(a.x(), b.x(), SAME_ORDER_TOLERANCE);
        assertArrayEquals(a.y(), b.y(), SAME_ORDER_TOLERANCE);
        assertNotEquals(a.x()[0], c.x()[0]);
        assertNull(a.xText());
        double[] x = a.x();
        double mean = 0;
        double sq = 0;
        for (double v : x) {
            mean += v;
            sq += v * v;
        }
        assertEquals(0, mean / x.length, MOMENT_TOLERANCE);
        assertEquals(1, sq / x.length, MOMENT_TOLERANCE);
        // E y^2 = ||B_o||^2 + noise^2 with B iid N(0, 1/3): about 1 per output.
        double[] y = a.y();
        double ysq = 0;
        for (double v : y) {
            ysq += v * v;
        }
        assertTrue(ysq / y.length > 0.1 && ysq / y.length < 10, "targets carry the teacher's signal");
    }

    @Test
    void plantedLinearTeacherIsAZeroLossPointOfTheDeepLinearNet() {
        int[] widths = {3, 4, 2, 2};
        Dataset d = Datasets.plantedTeacher(30, widths, Datasets.Teacher.LINEAR, 0.0, 9);
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(D, d, widths);
        double[] teacher = Datasets.teacherWeights(widths, Datasets.Teacher.LINEAR, 9);
        assertTrue(f.value(D.vector(teacher)) < PLANTED_LOSS_TOLERANCE);
        assertTrue(f.value(D.zeros(f.dimension(), 1)) > 0.1, "the data are not trivial");
    }

    @Test
    void plantedReluTeacherAppliesReluToHiddenLayers() {
        int[] widths = {3, 5, 1};
        Dataset d = Datasets.plantedTeacher(50, widths, Datasets.Teacher.RELU, 0.0, 10);
        double[] w = Datasets.teacherWeights(widths, Datasets.Teacher.RELU, 10);
        double[] x = d.x();
        double[] y = d.y();
        boolean someUnitInactive = false;
        for (int s = 0; s < 50; s++) {
            double out = 0;
            for (int h = 0; h < 5; h++) {
                double z = 0;
                for (int i = 0; i < 3; i++) {
                    z += w[h * 3 + i] * x[s * 3 + i];
                }
                someUnitInactive |= z < 0;
                out += w[15 + h] * Math.max(z, 0);
            }
            assertEquals(out, y[s], SAME_ORDER_TOLERANCE);
        }
        assertTrue(someUnitInactive, "the ReLU is exercised");
    }

    @Test
    void badGeneratorArgumentsNameFieldAndValue() {
        assertMessage(() -> Datasets.gaussianRegression(0, 3, 1, 0.1, 1), "samples", "got 0");
        assertMessage(() -> Datasets.gaussianRegression(5, -2, 1, 0.1, 1), "inputs", "got -2");
        assertMessage(() -> Datasets.gaussianRegression(5, 3, 0, 0.1, 1), "outputs", "got 0");
        assertMessage(() -> Datasets.gaussianRegression(5, 3, 1, -0.1, 1), "noise", "got -0.1");
        assertMessage(() -> Datasets.gaussianRegression(5, 3, 1, Double.NaN, 1), "noise", "got NaN");
        assertMessage(() -> Datasets.plantedTeacher(5, new int[] {3}, Datasets.Teacher.LINEAR, 0, 1), "widths", "[3]");
        assertMessage(() -> Datasets.plantedTeacher(5, new int[] {3, 0, 1}, Datasets.Teacher.RELU, 0, 1),
                "widths[1]", "got 0");
        assertMessage(() -> Datasets.plantedTeacher(5, new int[] {3, 1}, null, 0, 1), "teacher", "null");
        assertMessage(() -> Datasets.plantedTeacher(0, new int[] {3, 1}, Datasets.Teacher.LINEAR, 0, 1),
                "samples", "got 0");
    }
}

package gfgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FlowCommandTest {

    /** Flowing 1 then 1 again equals flowing 2, up to the printed 30 digits and the Taylor estimates (~1e-29). */
    private static final double SEMIGROUP_30_DIGITS = 1e-25;

    /** DOP853 at its default tolerance against the 40-digit closed form, t = 3 on a small quadratic. */
    private static final double DOP853_VS_CLOSED_FORM = 1e-10;

    /** A ReLU start (seeded Gaussian) whose flow crosses kinks without sliding up to t = 5. */
    private static final long RELU_SEED = 9L;
    private static final double RELU_SCALE = 0.5;

    /** A ReLU start whose flow slides along two kinks at once (t ~ 1.84), which the solver does not follow. */
    private static final long TWO_KINKS_SEED = 2L;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(ClaimRegistry.loaded());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path deepLinearInstance(String initText) throws IOException {
        return deepLinearInstance(dir, initText);
    }

    /** The README's depth-3 deep linear net (12 parameters) on the brief's data, written to {@code dir}. */
    static Path deepLinearInstance(Path dir, String initText) throws IOException {
        Files.writeString(dir.resolve("data.csv"), String.join("\n",
                "x0,x1,x2,y", "1.0,0.4,-0.8,0.7", "-0.5,1.1,0.6,-1.1", "0.3,-0.7,1.5,0.4", "2.0,0.2,-0.3,1.9",
                "-1.2,0.9,0.1,-0.6"));
        Files.writeString(dir.resolve("init.csv"), initText);
        Path inst = dir.resolve("net.properties");
        Files.writeString(inst, String.join("\n", "# depth-3 net on the brief's data", "objective = deep-linear",
                "widths = 3,2,2,1", "data = data.csv", "init = init.csv"));
        return inst;
    }

    static String initCsv() {
        String[] v = {"0.3", "-0.2", "0.25", "0.1", "0.4", "-0.35", "0.2", "0.3", "-0.1", "0.45", "0.5", "-0.3"};
        String[] name = {"W1", "W1", "W1", "W1", "W1", "W1", "W2", "W2", "W2", "W2", "W3", "W3"};
        int[] rows = {0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0};
        int[] cols = {0, 1, 2, 0, 1, 2, 0, 1, 0, 1, 0, 1};
        StringBuilder sb = new StringBuilder("k,name,i,j,value\n");
        for (int k = 0; k < v.length; k++) {
            sb.append(k).append(',').append(name[k]).append(',').append(rows[k]).append(',').append(cols[k])
                    .append(',').append(v[k]).append('\n');
        }
        return sb.toString();
    }

    /** The theta(T) CSV block of a text run. */
    private static String thetaCsv(String out) {
        return out.substring(out.indexOf("k,name,i,j,value"));
    }

    private static List<BigDecimal> values(String csv) {
        List<BigDecimal> v = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (!line.startsWith("k,") && !line.isBlank()) {
                v.add(new BigDecimal(line.substring(line.lastIndexOf(',') + 1).trim()));
            }
        }
        return v;
    }

    static String field(String out, String label) {
        for (String line : out.split("\n")) {
            if (line.startsWith(label)) {
                return line.substring(label.length()).trim();
            }
        }
        throw new AssertionError("no line '" + label + "' in:\n" + out);
    }

    @Test
    void printedStateRestartsTheFlowSoThatTwoUnitRunsEqualOneRunOfTwo() throws IOException {
        Path inst = deepLinearInstance(initCsv());
        Run two = run("flow", "--instance", inst.toString(), "--t", "2", "--digits", "30");
        Run one = run("flow", "--instance", inst.toString(), "--t", "1", "--digits", "30");
        assertEquals(0, one.code(), one.err());
        assertTrue(field(one.out(), "method").startsWith("Taylor"), one.out());
        Files.writeString(dir.resolve("init.csv"), thetaCsv(one.out()));
        Run oneMore = run("flow", "--instance", inst.toString(), "--t", "1", "--digits", "30");
        List<BigDecimal> a = values(thetaCsv(two.out()));
        List<BigDecimal> b = values(thetaCsv(oneMore.out()));
        assertEquals(12, a.size());
        for (int k = 0; k < a.size(); k++) {
            assertTrue(a.get(k).subtract(b.get(k)).abs().doubleValue() <= SEMIGROUP_30_DIGITS, "k = " + k);
        }
        assertTrue(Double.parseDouble(field(two.out(), "error estimate").split(" ")[0]) < SEMIGROUP_30_DIGITS);
        assertTrue(new BigDecimal(field(two.out(), "f(theta(T))")).compareTo(new BigDecimal(field(two.out(), "f(theta(0))"))) < 0);
    }

    @Test
    void quadraticInDoubleAgreesWithItsClosedForm() throws IOException {
        Files.writeString(dir.resolve("A.csv"), "2, 1\n1, -0.5\n");
        Files.writeString(dir.resolve("b.csv"), "1\n-0.5\n");
        Files.writeString(dir.resolve("x0.csv"), "k,name,i,j,value\n0,x,0,0,0.1\n1,x,1,0,0.2\n");
        Path inst = dir.resolve("q.properties");
        Files.writeString(inst, "objective = quadratic\nmatrix = A.csv\nlinear = b.csv\ninit = x0.csv\n");
        Run closed = run("flow", "--instance", inst.toString(), "--t", "3", "--digits", "40", "--json");
        Run dop = run("flow", "--instance", inst.toString(), "--t", "3", "--json");
        assertEquals(0, closed.code(), closed.err());
        assertTrue(closed.out().contains("\"method\":\"closed form"), closed.out());
        assertTrue(dop.out().contains("\"method\":\"DOP853"), dop.out());
        List<BigDecimal> x = jsonTheta(closed.out());
        List<BigDecimal> y = jsonTheta(dop.out());
        for (int k = 0; k < 2; k++) {
            double rel = x.get(k).subtract(y.get(k)).abs().doubleValue() / Math.max(1, x.get(k).abs().doubleValue());
            assertTrue(rel <= DOP853_VS_CLOSED_FORM, "k = " + k + ": " + rel);
        }
    }

    private static List<BigDecimal> jsonTheta(String json) {
        String arr = json.substring(json.indexOf("\"theta\":[") + 9, json.indexOf(']', json.indexOf("\"theta\":[")));
        List<BigDecimal> v = new ArrayList<>();
        for (String s : arr.split(",")) {
            v.add(new BigDecimal(s.replace("\"", "").trim()));
        }
        return v;
    }

    @Test
    void badInputIsReportedWithTheOffendingValue() throws IOException {
        Path inst = deepLinearInstance(initCsv());
        Run r = run("flow", "--instance", inst.toString(), "--t", "-1");
        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("t must be >= 0, got -1"), r.err());
        r = run("flow", "--instance", inst.toString(), "--t", "1", "--digits", "5");
        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("digits must be >= 10, got 5"), r.err());
        r = run("flow", "--instance", inst.toString(), "--t", "1", "--method", "closed-form", "--digits", "20");
        assertTrue(r.err().contains("closed-form needs objective quadratic, got deep-linear"), r.err());
        Files.writeString(inst, "objective = cubic\n");
        r = run("flow", "--instance", inst.toString(), "--t", "1");
        assertTrue(r.err().contains("objective must be one of [quadratic, deep-linear, fully-connected], got 'cubic'"), r.err());
        Files.writeString(inst, "objective = deep-linear\nwidths = 3,2,2,1\ndata = data.csv\ninit = init.csv\nwidht = 3\n");
        r = run("flow", "--instance", inst.toString(), "--t", "1");
        assertTrue(r.err().contains("unknown key 'widht'"), r.err());
        Files.writeString(inst, "objective = deep-linear\nwidths = 3,2,2,1\ndata = data.csv\n");
        r = run("flow", "--instance", inst.toString(), "--t", "1");
        assertTrue(r.err().contains("missing key 'init'"), r.err());
    }

    @Test
    void reluNetInDoubleReportsItsCrossingsAndIsRefusedInApfloat() throws IOException {
        deepLinearInstance(initCsv());
        double[] w = gfgd.dynamics.TestObjectivesAccess.gaussian(RELU_SEED, 32, RELU_SCALE);
        StringBuilder sb = new StringBuilder("k,name,i,j,value\n");
        for (int k = 0; k < w.length; k++) {
            sb.append(k).append(",w,").append(k).append(",0,").append(new BigDecimal(w[k]).toPlainString()).append('\n');
        }
        Files.writeString(dir.resolve("relu_init.csv"), sb.toString());
        Path inst = dir.resolve("relu.properties");
        Files.writeString(inst, "objective = fully-connected\nwidths = 3,4,4,1\ndata = data.csv\ninit = relu_init.csv\n");
        Run r = run("flow", "--instance", inst.toString(), "--t", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(Long.parseLong(field(r.out(), "crossings")) > 0, r.out());
        assertTrue(field(r.out(), "instance").contains("fully-connected relu"), r.out());
        Run a = run("flow", "--instance", inst.toString(), "--t", "5", "--digits", "20");
        assertEquals(Main.EXIT_USAGE, a.code());
        assertTrue(a.err().contains("not a polynomial vector field"), a.err());
        double[] w2 = gfgd.dynamics.TestObjectivesAccess.gaussian(TWO_KINKS_SEED, 32, RELU_SCALE);
        StringBuilder sb2 = new StringBuilder("k,name,i,j,value\n");
        for (int k = 0; k < w2.length; k++) {
            sb2.append(k).append(",w,").append(k).append(",0,").append(new BigDecimal(w2[k]).toPlainString()).append('\n');
        }
        Files.writeString(dir.resolve("relu_init.csv"), sb2.toString());
        Run failed = run("flow", "--instance", inst.toString(), "--t", "5");
        assertEquals(Main.EXIT_FAIL, failed.code());
        assertTrue(failed.err().contains("flow not solved: sliding mode on two kinks"), failed.err());
        Files.writeString(inst, "objective = fully-connected\nwidths = 3,4,4,1\ndata = data.csv\ninit = relu_init.csv\n"
                + "activation = leaky-relu\n");
        r = run("flow", "--instance", inst.toString(), "--t", "1");
        assertTrue(r.err().contains("missing key 'alpha'"), r.err());
    }
}

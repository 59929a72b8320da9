package gfgd.bench;

import gfgd.dynamics.DormandPrinceFlow;
import gfgd.dynamics.FlowResult;
import gfgd.dynamics.GradientFlow;
import gfgd.dynamics.TaylorFlow;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import gfgd.objective.InitialPoint;
import gfgd.objective.Initialisations;
import gfgd.taylor.TracingArithmetic;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ejml.data.DMatrixRMaj;

/**
 * Workload {@code gf-taylor} (WORKLOADS.md): gradient flow {@code theta' = -grad L} of the depth-3 scalar
 * deep linear net 5-4-3-1 on the workload data, from the workload's {@code theta0} to {@code t = 5}, at
 * 30 significant digits, by the Taylor integrator in apfloat.
 *
 * <p>{@code seconds} times one complete solve in a fresh JVM (recording the field, then integrating),
 * JIT warm-up included, as a user of {@code gfgd flow} would wait; {@code warmSeconds} times a second,
 * identical solve. After the timing (untimed) the result is checked against a 45-digit Taylor run and
 * against DOP853 in double at rtol = atol = 1e-13, and both differences are reported.
 */
public final class GfTaylorWorkload implements Workload {

    /** The workload's digits. */
    public static final int DIGITS = 30;

    /** The precision of the untimed cross-check run. */
    public static final int CHECK_DIGITS = 45;

    /** The final time. */
    public static final int T = 5;

    /** The tolerance of the untimed double cross-check (the peer's scipy setting). */
    public static final double DOP853_TOLERANCE = 1e-13;

    @Override
    public String name() {
        return "gf-taylor";
    }

    @Override
    public String description() {
        return "GF of the 5-4-3-1 deep linear net to t = 5 at 30 digits (apfloat Taylor integrator)";
    }

    @Override
    public Map<String, Object> run(PrintStream progress) {
        Dataset data = Datasets.deepLinearWorkload();
        InitialPoint init = Initialisations.deepLinearWorkload();
        int[] widths = Initialisations.deepLinearWorkloadWidths();

        progress.println("gf-taylor: timed run at " + DIGITS + " digits");
        long t0 = System.nanoTime();
        FlowResult<ApMatrix> r = solve(data, init, widths, DIGITS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.println("gf-taylor: second (warm) run");
        long t1 = System.nanoTime();
        solve(data, init, widths, DIGITS);
        double warmSeconds = (System.nanoTime() - t1) / 1e9;

        ApfloatArithmetic a = ApfloatArithmetic.digits(DIGITS);
        DeepLinear<Apfloat, ApMatrix> f = DeepLinear.of(a, data, widths);
        List<String> theta = new ArrayList<>();
        for (int k = 0; k < init.dimension(); k++) {
            theta.add(decimal(a.get(r.theta(), k, 0), DIGITS));
        }

        progress.println("gf-taylor: untimed checks (" + CHECK_DIGITS + " digits, DOP853)");
        FlowResult<ApMatrix> fine = solve(data, init, widths, CHECK_DIGITS);
        double vsFine = 0;
        for (int k = 0; k < init.dimension(); k++) {
            BigDecimal x = new BigDecimal(a.get(r.theta(), k, 0).toString(true));
            BigDecimal y = new BigDecimal(fine.theta().get(k, 0).toString(true));
            vsFine = Math.max(vsFine, x.subtract(y).abs().doubleValue());
        }
        DoubleArithmetic dbl = DoubleArithmetic.INSTANCE;
        FlowResult<DMatrixRMaj> dop = DormandPrinceFlow.defaults().withTolerances(DOP853_TOLERANCE, DOP853_TOLERANCE)
                .solve(GradientFlow.of(DeepLinear.of(dbl, data, widths)), init.vector(dbl), T);
        double vsDop = 0;
        double[] yd = dbl.toDoubles(dop.theta());
        for (int k = 0; k < init.dimension(); k++) {
            vsDop = Math.max(vsDop, Math.abs(a.get(r.theta(), k, 0).doubleValue() - yd[k]));
        }

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", name());
        m.put("seconds", seconds);
        m.put("warmSeconds", warmSeconds);
        m.put("digits", DIGITS);
        m.put("t", T);
        m.put("method", r.method());
        m.put("steps", r.steps());
        m.put("errorEstimate", r.errorEstimate());
        m.put("loss0", decimal(f.value(init.vector(a)), DIGITS));
        m.put("lossT", decimal(f.value(r.theta()), DIGITS));
        m.put("theta", theta);
        m.put("maxDiffVs45Digits", vsFine);
        m.put("errorEstimate45Digits", fine.errorEstimate());
        m.put("maxDiffVsDop853", vsDop);
        m.put("dop853ErrorEstimate", dop.errorEstimate());
        return m;
    }

    private static FlowResult<ApMatrix> solve(Dataset data, InitialPoint init, int[] widths, int digits) {
        ApfloatArithmetic a = ApfloatArithmetic.digits(digits);
        TracingArithmetic<Apfloat, ApMatrix> tracer = TracingArithmetic.over(a);
        TaylorFlow<Apfloat, ApMatrix> flow = TaylorFlow.gradientFlow(tracer, DeepLinear.of(tracer, data, widths));
        return flow.solve(init.vector(a), a.of(T));
    }

    private static String decimal(Apfloat x, int digits) {
        return x.signum() == 0 ? "0" : ApfloatMath.roundToPrecision(x, digits, RoundingMode.HALF_EVEN).toString(true);
    }
}

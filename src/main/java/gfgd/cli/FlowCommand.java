package gfgd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import gfgd.dynamics.DormandPrinceFlow;
import gfgd.dynamics.FlowResult;
import gfgd.dynamics.GradientFlow;
import gfgd.dynamics.QuadraticFlow;
import gfgd.dynamics.ReluFlow;
import gfgd.dynamics.TaylorFlow;
import gfgd.dynamics.VectorField;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.numeric.Precision;
import gfgd.objective.Objective;
import gfgd.objective.Quadratic;
import gfgd.taylor.TracingArithmetic;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gfgd flow --instance FILE --t T [--digits D]}: gradient flow of an instance file's objective
 * from its initial point to time {@code T}; prints {@code theta(T)}, {@code f(theta(T))} and the solver's
 * error estimate. With {@code --digits} it runs in apfloat (the quadratic in closed form, polynomial
 * objectives by the Taylor integrator); without, in double by DOP853 (for ReLU and leaky-ReLU nets with
 * activation-pattern changes located as events; their number is printed as {@code crossings}).
 */
@Command(name = "flow", mixinStandardHelpOptions = true,
        description = {"Solve gradient flow theta' = -grad f(theta) for an instance file and print theta(T), "
                + "f(theta(T)) and the error estimate.",
            "Instance file: key = value lines (see the README, 'Instance files'); theta(T) is printed in the "
                + "init CSV format k,name,i,j,value, so it can start another run."})
public final class FlowCommand implements Callable<Integer> {

    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "Instance file (properties).")
    Path instance;

    @Option(names = "--t", required = true, paramLabel = "T", description = "Final time T >= 0 (a decimal, exact in apfloat).")
    String time;

    @Option(names = "--digits", paramLabel = "D",
            description = "Solve in apfloat with D >= 10 significant digits (closed form or Taylor integrator).")
    Integer digits;

    @Option(names = "--method", paramLabel = "M", defaultValue = "auto",
            description = "auto | taylor | closed-form | dop853 (default: closed-form for a quadratic and taylor "
                    + "otherwise with --digits, dop853 without).")
    String method;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-12",
            description = "DOP853 relative and absolute tolerance (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--json", description = "Print one JSON line instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** What a run reports. */
    record Outcome(String method, String t, long steps, long crossings, double errorEstimate, String f0,
                   String fT, List<String> theta) {
    }

    @Override
    public Integer call() throws Exception {
        BigDecimal t = parseTime(time);
        FlowInstance inst = FlowInstance.read(instance);
        String m = resolveMethod(inst);
        Outcome out;
        try {
            if (m.equals("dop853")) {
                out = dop853(inst, t);
            } else {
                ApfloatArithmetic a = new ApfloatArithmetic(Precision.digits(digits == null ? 30 : digits));
                out = m.equals("closed-form") ? closedForm(inst, a, t) : taylor(inst, a, t);
            }
        } catch (IllegalStateException e) {
            // the solver could not follow this flow (finite-time blow-up, sliding along two kinks)
            spec.commandLine().getErr().println("gfgd: flow not solved: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return Main.EXIT_FAIL;
        }
        print(inst, out);
        return 0;
    }

    static BigDecimal parseTime(String text) {
        BigDecimal t;
        try {
            t = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("t must be a decimal number, got '" + text + "'", e);
        }
        if (t.signum() < 0) {
            throw new IllegalArgumentException("t must be >= 0, got " + text);
        }
        return t;
    }

    private String resolveMethod(FlowInstance inst) {
        if (digits != null) {
            Precision.digits(digits);
        }
        switch (method) {
            case "auto":
                if (digits == null) {
                    return "dop853";
                }
                return inst.objective().equals("quadratic") ? "closed-form" : "taylor";
            case "dop853":
                if (digits != null) {
                    throw new IllegalArgumentException("--digits " + digits + " does not apply to method dop853 (double)");
                }
                return method;
            case "closed-form":
                if (!inst.objective().equals("quadratic")) {
                    throw new IllegalArgumentException("method closed-form needs objective quadratic, got "
                            + inst.objective());
                }
                return method;
            case "taylor":
                return method;
            default:
                throw new IllegalArgumentException("method must be one of auto, taylor, closed-form, dop853, got '"
                        + method + "'");
        }
    }

    private Outcome dop853(FlowInstance inst, BigDecimal t) {
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        Objective<Double, DMatrixRMaj> f = inst.objective(a);
        DMatrixRMaj theta0 = inst.theta0(a);
        VectorField<Double, DMatrixRMaj> field = inst.isPiecewise() ? ReluFlow.of(inst.net(a)) : GradientFlow.of(f);
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().withTolerances(tolerance, tolerance)
                .solve(field, theta0, t.doubleValue());
        List<String> theta = new ArrayList<>();
        for (double v : a.toDoubles(r.theta())) {
            theta.add(Double.toString(v));
        }
        return new Outcome(r.method(), t.toPlainString(), r.steps(), r.crossings(), r.errorEstimate(),
                Double.toString(f.value(theta0)), Double.toString(f.value(r.theta())), theta);
    }

    private Outcome taylor(FlowInstance inst, ApfloatArithmetic a, BigDecimal t) {
        TracingArithmetic<Apfloat, ApMatrix> tracer = TracingArithmetic.over(a);
        TaylorFlow<Apfloat, ApMatrix> flow = TaylorFlow.gradientFlow(tracer, inst.objective(tracer));
        return apfloatOutcome(inst, a, t, flow.solve(inst.theta0(a), a.parse(t.toPlainString())));
    }

    private Outcome closedForm(FlowInstance inst, ApfloatArithmetic a, BigDecimal t) {
        Quadratic<Apfloat, ApMatrix> q = (Quadratic<Apfloat, ApMatrix>) inst.objective(a);
        return apfloatOutcome(inst, a, t, QuadraticFlow.of(q).solve(inst.theta0(a), a.parse(t.toPlainString())));
    }

    private static Outcome apfloatOutcome(FlowInstance inst, ApfloatArithmetic a, BigDecimal t, FlowResult<ApMatrix> r) {
        Objective<Apfloat, ApMatrix> f = inst.objective(a);
        int d = a.precision().digits();
        List<String> theta = new ArrayList<>();
        for (int k = 0; k < inst.dimension(); k++) {
            theta.add(decimal(a.get(r.theta(), k, 0), d));
        }
        return new Outcome(r.method(), t.toPlainString(), r.steps(), r.crossings(), r.errorEstimate(),
                decimal(f.value(inst.theta0(a)), d), decimal(f.value(r.theta()), d), theta);
    }

    /** {@code x} rounded to {@code digits} significant digits, as plain decimal text. */
    static String decimal(Apfloat x, int digits) {
        if (x.signum() == 0) {
            return "0";
        }
        return ApfloatMath.roundToPrecision(x, digits, RoundingMode.HALF_EVEN).toString(true);
    }

    private void print(FlowInstance inst, Outcome o) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instance", inst.file().toString());
            m.put("objective", inst.describe());
            m.put("method", o.method());
            m.put("t", o.t());
            m.put("steps", o.steps());
            m.put("crossings", o.crossings());
            m.put("errorEstimate", o.errorEstimate());
            m.put("f0", o.f0());
            m.put("fT", o.fT());
            m.put("theta", o.theta());
            out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            out.println("instance        " + inst.file() + " (" + inst.describe() + ")");
            out.println("method          " + o.method());
            out.println("t               " + o.t());
            out.println("steps           " + o.steps());
            out.println("crossings       " + o.crossings());
            out.println("error estimate  " + o.errorEstimate() + " (max-norm of theta(T), absolute)");
            out.println("f(theta(0))     " + o.f0());
            out.println("f(theta(T))     " + o.fT());
            out.println("theta(T)");
            out.println("k,name,i,j,value");
            for (int k = 0; k < o.theta().size(); k++) {
                String[] n = inst.parameterName(k);
                out.println(k + "," + n[0] + "," + n[1] + "," + n[2] + "," + o.theta().get(k));
            }
        }
        out.flush();
    }
}

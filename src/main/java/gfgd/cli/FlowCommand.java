package gfgd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import gfgd.curvature.DenseSpectrum;
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
import org.hipparchus.exception.MathIllegalStateException;
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

    /**
     * Most digits {@code --digits} accepts. Measured: the 12-parameter deep linear net of the README at
     * t = 1 takes 11 s of CPU at 300 digits (Taylor order 347, 5 steps); the order grows with the digits
     * and each step's series products with its square, so 1000 digits take minutes and 100000 would run
     * for days without a word.
     */
    static final int MAX_DIGITS = 1000;

    /**
     * Default budget of DOP853 steps: t = 1e5 on the benchmark deep linear net (5-4-3-1) takes 209,733
     * steps in 39 s, so the budget is about three minutes of solving.
     */
    static final long DEFAULT_DOP853_STEPS = 1_000_000;
    /** Default budget of Taylor steps (each one a series of order ~1.2 x digits in apfloat). */
    static final long DEFAULT_TAYLOR_STEPS = 20_000;
    /**
     * DOP853's step h times the spectral radius rho of the Hessian once the step is limited by stability:
     * measured 6.4 at the minimum of the README's deep linear net (0.555 steps per unit time, rho = 3.55).
     */
    static final double DOP853_STEP_TIMES_RHO = 6.4;
    /** Field evaluations per DOP853 step in Hipparchus: 12 stages (11 with FSAL) and 3 for dense output, rounded up. */
    private static final long DOP853_EVALUATIONS_PER_STEP = 16;
    /** Above this dimension the dense Hessian behind the step estimate is skipped (the budget still holds). */
    static final int MAX_DIMENSION_FOR_ESTIMATE = 1000;

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

    @Option(names = "--max-steps", paramLabel = "N",
            description = "Budget of solver steps (default " + DEFAULT_DOP853_STEPS + " for dop853, "
                    + DEFAULT_TAYLOR_STEPS + " for taylor). A run whose estimated steps exceed it is refused "
                    + "before it starts.")
    Long maxSteps;

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
        long budget = budget(m);
        PrintWriter err = spec.commandLine().getErr();
        Outcome out;
        try {
            if (m.equals("dop853")) {
                long estimate = requireWithinBudget(m, time, estimatedSteps(inst, t, DOP853_STEP_TIMES_RHO), budget);
                try (Progress p = new Progress(err, progressLabel(m, estimate, budget))) {
                    out = dop853(inst, t, budget);
                }
            } else {
                ApfloatArithmetic a = new ApfloatArithmetic(Precision.digits(digits == null ? 30 : digits));
                if (m.equals("closed-form")) {
                    try (Progress p = new Progress(err, "solving the quadratic's flow in closed form to t = " + time)) {
                        out = closedForm(inst, a, t);
                    }
                } else {
                    TracingArithmetic<Apfloat, ApMatrix> tracer = TracingArithmetic.over(a);
                    TaylorFlow<Apfloat, ApMatrix> flow = TaylorFlow.gradientFlow(tracer, inst.objective(tracer));
                    long estimate = requireWithinBudget(m, time,
                            estimatedSteps(inst, t, taylorStepTimesRho(flow.order())), budget);
                    try (Progress p = new Progress(err, progressLabel(m, estimate, budget))) {
                        out = apfloatOutcome(inst, a, t, flow.solve(inst.theta0(a), a.parse(t.toPlainString())));
                    }
                }
            }
        } catch (IllegalStateException e) {
            // the solver could not follow this flow (finite-time blow-up, sliding along two kinks)
            err.println("gfgd: flow not solved: " + e.getMessage());
            err.flush();
            return Main.EXIT_FAIL;
        } catch (MathIllegalStateException e) {
            // Hipparchus's evaluation count reached the step budget
            err.println("gfgd: flow not solved: t = " + time + " not reached within the budget of " + budget
                    + " DOP853 steps (" + e.getMessage() + "); raise it with --max-steps N or choose a smaller t");
            err.flush();
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

    private long budget(String m) {
        if (maxSteps == null) {
            return m.equals("dop853") ? DEFAULT_DOP853_STEPS : DEFAULT_TAYLOR_STEPS;
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("--max-steps must be >= 1, got " + maxSteps);
        }
        return maxSteps;
    }

    /**
     * Steps a solver whose step h is limited by {@code h rho <= stepTimesRho} needs to reach t, with rho
     * the spectral radius of the Hessian at theta(0): {@code t rho / stepTimesRho}. An estimate, not a
     * bound: the curvature changes along the flow, and on deep linear nets it grows towards the minimum
     * (rho is 3.4 times larger there than at theta(0) on the 3-2-2-1 net of the tests, 11 times on the
     * benchmark 5-4-3-1 net), so the estimate refuses the hopeless runs (t = 1e308) at once and the
     * budget, enforced during the run, stops the rest. 0 when the Hessian is skipped
     * ({@link #MAX_DIMENSION_FOR_ESTIMATE}).
     */
    static double estimatedSteps(FlowInstance inst, BigDecimal t, double stepTimesRho) {
        if (inst.dimension() > MAX_DIMENSION_FOR_ESTIMATE) {
            return 0;
        }
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        DenseSpectrum s = DenseSpectrum.ofHessian(inst.objective(a), inst.theta0(a));
        double rho = Math.max(Math.abs(s.min()), Math.abs(s.max()));
        return rho == 0 ? 0 : t.doubleValue() * rho / stepTimesRho;
    }

    /**
     * A Taylor step of order p on a field of curvature rho is at most about {@code p / e}: beyond it the
     * terms {@code (rho h)^k / k!} of the series grow up to k = p (Stirling).
     */
    static double taylorStepTimesRho(int order) {
        return order / Math.E;
    }

    /** The estimate, rounded up, if within the budget; otherwise the refusal, before any solver work. */
    static long requireWithinBudget(String method, String t, double estimate, long budget) {
        if (!(estimate <= budget)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "t = %s needs about %.3g %s steps (t x the Hessian's spectral radius at theta(0) / the largest step "
                            + "%s takes at that curvature), more than the budget of %d steps; raise it with --max-steps N "
                            + "or choose a smaller t", t, estimate, method, method, budget));
        }
        return (long) Math.ceil(estimate);
    }

    private String progressLabel(String m, long estimate, long budget) {
        return "solving the flow to t = " + time + " by " + m + " (about " + estimate
                + " steps estimated, budget " + budget + ")";
    }

    private String resolveMethod(FlowInstance inst) {
        if (digits != null) {
            Precision.digits(digits);
            if (digits > MAX_DIGITS) {
                throw new IllegalArgumentException("--digits must be <= " + MAX_DIGITS + ", got " + digits
                        + " (the run would take days; 300 digits take about 10 s at t = 1)");
            }
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

    private Outcome dop853(FlowInstance inst, BigDecimal t, long budget) {
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        Objective<Double, DMatrixRMaj> f = inst.objective(a);
        DMatrixRMaj theta0 = inst.theta0(a);
        VectorField<Double, DMatrixRMaj> field = inst.isPiecewise() ? ReluFlow.of(inst.net(a)) : GradientFlow.of(f);
        int evaluations = (int) Math.min(Integer.MAX_VALUE, budget * DOP853_EVALUATIONS_PER_STEP);
        FlowResult<DMatrixRMaj> r = DormandPrinceFlow.defaults().withTolerances(tolerance, tolerance)
                .withMaxEvaluations(evaluations).solve(field, theta0, t.doubleValue());
        List<String> theta = new ArrayList<>();
        for (double v : a.toDoubles(r.theta())) {
            theta.add(Double.toString(v));
        }
        return new Outcome(r.method(), t.toPlainString(), r.steps(), r.crossings(), r.errorEstimate(),
                Double.toString(f.value(theta0)), Double.toString(f.value(r.theta())), theta);
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

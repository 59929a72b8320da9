package gfgd.cli;

import gfgd.curvature.CertifiedComparison;
import gfgd.dynamics.ValidatedTaylorFlow;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.Objective;
import gfgd.taylor.Traced;
import gfgd.taylor.TracedMatrix;
import gfgd.taylor.TracingArithmetic;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gfgd certify --instance FILE --eta E --t T [--digits D]}: encloses gradient flow and gradient
 * descent of an instance file's polynomial objective in interval arithmetic and proves (or fails to prove)
 * the discrete bound {@code ||theta_j - theta(j eta)|| <= E_j} of math brief 1c at every step
 * {@code j <= T / eta}; prints the enclosures of {@code theta(T)}, {@code theta_K}, their distance and {@code E_K}.
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Enclose GF and GD of an instance file's polynomial objective in interval arithmetic and "
                + "certify ||theta_j - theta(j eta)|| <= E_j (the Euler-map bound) at every step j <= T/eta.",
            "Prints the enclosures of theta(T) and theta_K (K = T/eta), of their distance, and E_K. Exit 0 if "
                + "every step is CERTIFIED, 1 otherwise."})
public final class CertifyCommand implements Callable<Integer> {

    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "Instance file (as for flow).")
    Path instance;

    @Option(names = "--eta", required = true, paramLabel = "E", description = "Step size (a positive decimal, exact).")
    String eta;

    @Option(names = "--t", required = true, paramLabel = "T", description = "Horizon T, a multiple of eta.")
    String time;

    @Option(names = "--digits", paramLabel = "D", defaultValue = "50",
            description = "Significant digits of the interval end points (default ${DEFAULT-VALUE}).")
    int digits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BigDecimal t = FlowCommand.parseTime(time);
        BigDecimal step;
        try {
            step = new BigDecimal(eta.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("eta must be a decimal number, got '" + eta + "'", e);
        }
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("eta must be > 0, got " + eta);
        }
        BigDecimal[] qr = t.divideAndRemainder(step);
        if (qr[1].signum() != 0) {
            throw new IllegalArgumentException("t must be a multiple of eta, got t = " + time + ", eta = " + eta);
        }
        long n = qr[0].longValueExact();
        FlowInstance inst = FlowInstance.read(instance);
        IntervalArithmetic a = IntervalArithmetic.digits(digits);
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(a);
        Objective<Traced, TracedMatrix> traced = inst.objective(tr);
        if (!traced.isPolynomial()) {
            throw new IllegalArgumentException("certify needs a polynomial objective; " + inst.describe()
                    + " is not polynomial (ReLU or leaky ReLU)");
        }
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, traced);
        CertifiedComparison.Result r;
        try {
            r = CertifiedComparison.run(a, inst.objective(a), flow, inst.theta0(a), step, n, false);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("gfgd: not certified: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return Main.EXIT_FAIL;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("instance   " + inst.describe());
        out.println("eta        " + step.toPlainString() + "   T = " + t.toPlainString() + "   K = " + n + "   digits = " + digits);
        for (int i = 0; i < a.rows(r.thetaT()); i++) {
            out.println("theta(T)[" + i + "] " + a.toString(a.get(r.thetaT(), i, 0)));
        }
        for (int i = 0; i < a.rows(r.gdT()); i++) {
            out.println("theta_K[" + i + "]  " + a.toString(a.get(r.gdT(), i, 0)));
        }
        out.println("distance   " + a.toString(r.finalErr()));
        out.println("E_K        " + r.finalBound().hi().toPlainString());
        out.println("steps      " + r.certified() + " certified, " + r.undecided() + " undecided, " + r.refuted()
                + " refuted of " + (n + 1) + "; max enclosure width " + r.maxWidth());
        boolean all = r.undecided() == 0 && r.refuted() == 0;
        out.println(all ? "CERTIFIED  ||theta_j - theta(j eta)|| <= E_j for every j <= K"
                : "NOT CERTIFIED at every step");
        out.flush();
        return all ? 0 : Main.EXIT_FAIL;
    }
}

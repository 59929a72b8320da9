package gfgd.thm1;

import gfgd.claims.Plot;
import gfgd.claims.Series;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep of claim {@code thm1}: each smooth {@link Thm1Instance} measured by {@link Trajectories#measure}
 * at a nested sweep of step sizes, then decided three ways (leading order, curvature bound, discrete
 * bound); the ReLU net is measured by {@link ReluEvidence} and reported only.
 */
public final class Thm1Check {

    /** Significant digits of the apfloat GD and Taylor flow: errors are ~eta, read to ~10^-20 relative. */
    public static final int DIGITS = 25;

    /**
     * The Taylor integrator's error estimate of the augmented state must stay this far below
     * {@code eta_min^2} (the size of the O(eta^2) remainder the leading-order check resolves).
     */
    public static final double FLOW_ESTIMATE_FRACTION = 1e-10;

    /**
     * {@code |errorOrder - 1|} allowed (the tolerance): the O(eta^2) remainder moves the slope by about
     * the relative gap at the coarsest step, measured at most 0.0021 on these instances.
     */
    public static final double ORDER_TOLERANCE = 0.02;

    /** {@code |gapOrder - 1|} allowed for the gap {@code |err/eta - e|}, which must shrink like O(eta). */
    public static final double GAP_ORDER_TOLERANCE = 0.1;

    /**
     * {@code ||e|| <= B (1 + QUADRATURE_TOLERANCE)}: B is integrated by a second-order rule on the sample
     * grid, whose measured relative error (Richardson) must stay below a tenth of this.
     */
    public static final double QUADRATURE_TOLERANCE = 1e-3;

    /**
     * {@code err <= eta B (1 + BOUND_SLACK)}: the leading-order bound is nearly sharp (ratios 0.98-0.9996 in
     * the brief) and err/eta differs from ||e|| by O(eta); the brief asks for 2-5 % slack.
     */
    public static final double BOUND_SLACK = 0.05;

    /**
     * {@code err_j <= E_j (1 + DISCRETE_TOLERANCE)}: equality holds at {@code j = 1} ({@code E_1 = delta_0 =
     * err_1}), and the two sides are rounded to double separately.
     */
    public static final double DISCRETE_TOLERANCE = 1e-9;

    /** The step-size condition {@code eta lambda_max <= 1} along the flow (brief 1c: where {@code L_j} is not clipped). */
    public static final double MAX_ETA_LAMBDA = 1;

    private Thm1Check() {
    }

    /** Step sizes of an instance, coarsest first, each twice the next. */
    static String[] etas(Thm1Instance in, Settings settings) {
        return switch (in) {
            case TILTED -> settings.isThorough() ? new String[] {"0.02", "0.01", "0.005", "0.0025", "0.00125"}
                    : new String[] {"0.02", "0.01", "0.005", "0.0025"};
            case SCALAR3 -> settings.isThorough() ? new String[] {"0.02", "0.01", "0.005", "0.0025"}
                    : new String[] {"0.02", "0.01", "0.005"};
            case DLN3 -> settings.isThorough() ? new String[] {"0.04", "0.02", "0.01", "0.005"}
                    : new String[] {"0.04", "0.02", "0.01"};
        };
    }

    /**
     * Runs the check. With {@code control} false: every smooth instance, the curvature bound {@code B}. With
     * {@code control} true (the negative control): instance {@link Thm1Instance#TILTED} only, with {@code B}
     * replaced by the convex-case bound {@code (t/2) max ||H grad f||} (no exponential factor).
     */
    static Verdict run(Settings settings, boolean control) {
        Verdict.Builder v = Verdict.builder(settings);
        List<Thm1Instance> instances = control ? List.of(Thm1Instance.TILTED) : List.of(Thm1Instance.values());
        List<Trajectories.Measurement> measured = new ArrayList<>();
        for (Thm1Instance in : instances) {
            measured.add(Trajectories.measure(in, etas(in, settings), DIGITS, null));
        }
        decide(v, measured, control);
        if (!control) {
            ReluEvidence.Result relu = ReluEvidence.measure(settings);
            relu.figures().forEach(v::figure);
            v.plot(relu.plot());
        }
        return v.build();
    }

    /**
     * Records the figures, requirements and plots of the measured instances into {@code v}: with {@code control}
     * true the curvature bound {@code B} is replaced by the convex-case bound {@code (t/2) max ||H grad f||}.
     */
    static void decide(Verdict.Builder v, List<Trajectories.Measurement> measured, boolean control) {
        double orderAt = 1;
        double worstGap = 0;
        double worstBound = 0;
        double worstLeading = 0;
        double worstDiscrete = 0;
        for (Trajectories.Measurement m : measured) {
            Thm1Instance in = m.instance();
            String id = in.id();
            double fine = m.fineEta();
            v.figure(id + ".flowEstimate", m.flowEstimate());
            v.require(m.flowEstimate() <= FLOW_ESTIMATE_FRACTION * fine * fine, id + ": Taylor flow error estimate "
                    + m.flowEstimate() + " is not far below eta_min^2 = " + fine * fine);
            double order = m.errorOrder();
            v.figure(id + ".errorOrder", order);
            if (Math.abs(order - 1) >= Math.abs(orderAt - 1)) {
                orderAt = order;
            }
            v.require(Math.abs(order - 1) <= ORDER_TOLERANCE, id + ": log-log slope of max error against eta is "
                    + order + ", not 1 within " + ORDER_TOLERANCE);
            v.figure(id + ".gapOrder", m.gapOrder());
            v.require(Math.abs(m.gapOrder() - 1) <= GAP_ORDER_TOLERANCE, id + ": the gap |err/eta - e| shrinks like eta^"
                    + m.gapOrder() + ", not eta^1 within " + GAP_ORDER_TOLERANCE);
            v.figure(id + ".leadingTermGap", m.leadingTermGap());
            worstGap = Math.max(worstGap, m.leadingTermGap());
            double quad = m.curvature().quadratureError();
            v.figure(id + ".quadratureError", quad);
            v.require(quad <= QUADRATURE_TOLERANCE / 10, id + ": quadrature error of B " + quad
                    + " is not below a tenth of " + QUADRATURE_TOLERANCE);
            double leading = control ? m.maxLeadingConvexRatio() : m.maxLeadingRatio();
            v.figure(id + ".maxLeadingRatio", leading);
            v.figure(id + ".maxLeadingRatioMin", m.maxLeadingRatioMin());
            // the sharper Groenwall bound with lambda_min itself (same quadrature rule as B)
            v.require(m.maxLeadingRatioMin() <= 1 + QUADRATURE_TOLERANCE, id + ": ||e(t)|| exceeds Bmin(t) by the factor "
                    + m.maxLeadingRatioMin());
            worstLeading = Math.max(worstLeading, leading);
            v.require(leading <= 1 + QUADRATURE_TOLERANCE, id + ": ||e(t)|| exceeds " + (control ? "the convex-case bound"
                    : "B(t)") + " by the factor " + leading);
            v.figure(id + ".integralLambdaMinus", m.curvature().negativeIntegral()[m.curvature().t().length - 1]);
            double minLambda = Double.POSITIVE_INFINITY;
            for (double l : m.curvature().lambdaMin()) {
                minLambda = Math.min(minLambda, l);
            }
            v.figure(id + ".minLambdaMin", minLambda);
            for (Trajectories.Run r : m.runs()) {
                String at = id + "[eta=" + r.eta() + "]";
                double ratio = control ? r.maxConvexRatio() : r.maxBoundRatio();
                v.figure(at + ".maxBoundRatio", ratio);
                v.figure(at + ".maxDiscreteRatio", r.maxDiscreteRatio());
                v.figure(at + ".maxErrOverEta", r.maxErr() / Double.parseDouble(r.eta()));
                v.figure(at + ".discreteFiniteUntil", r.discreteUntil());
                v.figure(at + ".maxEtaLambdaMax", r.maxEtaLambdaMax());
                worstBound = Math.max(worstBound, ratio);
                worstDiscrete = Math.max(worstDiscrete, r.maxDiscreteRatio());
                v.require(ratio <= 1 + BOUND_SLACK, at + ": err exceeds eta * " + (control ? "(t/2) max ||H grad f||"
                        : "B(t)") + " by the factor " + ratio + " > 1 + " + BOUND_SLACK);
                v.require(r.maxDiscreteRatio() <= 1 + DISCRETE_TOLERANCE, at + ": err_j exceeds the discrete bound E_j by"
                        + " the factor " + r.maxDiscreteRatio());
                v.require(r.maxEtaLambdaMax() <= MAX_ETA_LAMBDA, at + ": eta lambda_max reaches " + r.maxEtaLambdaMax());
            }
            plots(v, m, control);
        }
        v.figure("errorOrder", orderAt);
        v.figure("leadingTermGap", worstGap);
        v.figure("maxLeadingRatio", worstLeading);
        v.figure("maxBoundRatio", worstBound);
        v.figure("maxDiscreteRatio", worstDiscrete);
        v.figure("boundSlack", BOUND_SLACK);
    }

    private static void plots(Verdict.Builder v, Trajectories.Measurement m, boolean control) {
        String id = m.instance().id();
        CurvatureBound c = m.curvature();
        Trajectories.Run r = m.runs().get(m.runs().size() - 1);
        double eta = Double.parseDouble(r.eta());
        List<Series> lines = new ArrayList<>();
        for (Trajectories.Run run : m.runs()) {
            double e = Double.parseDouble(run.eta());
            double[] y = new double[run.err().length];
            for (int k = 0; k < y.length; k++) {
                y[k] = run.err()[k] / e;
            }
            lines.add(new Series("err/eta, eta = " + run.eta(), run.t(), y));
        }
        lines.add(new Series("||e(t)||", c.t(), m.errorNorm()));
        lines.add(new Series("B(t) (lambda_-)", c.t(), c.bound()));
        lines.add(new Series("Bmin(t) (lambda_min)", c.t(), c.boundMin()));
        lines.add(new Series("(t/2) max ||H grad f|| (convex-case bound)", c.t(), c.convex()));
        double[] scaled = new double[r.discrete().length];
        int finite = 0;
        for (int k = 0; k < scaled.length && Double.isFinite(r.discrete()[k]); k++) {
            scaled[k] = r.discrete()[k] / eta;
            finite++;
        }
        lines.add(new Series("E_j/eta, eta = " + r.eta(), java.util.Arrays.copyOf(r.t(), finite),
                java.util.Arrays.copyOf(scaled, finite)));
        String who = control ? "control: " : "";
        v.plot(Plot.linear(id + "-error", who + m.instance().description() + ": GD - GF distance / eta and its bounds",
                "t", "distance / eta", lines));
        v.plot(Plot.linear(id + "-curvature", who + m.instance().description() + ": lambda_min along GF",
                "t", "lambda", List.of(new Series("lambda_min(t)", c.t(), c.lambdaMin()),
                        new Series("int_0^t lambda_-", c.t(), c.negativeIntegral()))));
    }
}

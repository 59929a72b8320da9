package gfgd.thm1;

import gfgd.claims.Plot;
import gfgd.claims.Series;
import gfgd.claims.Settings;
import gfgd.curvature.DenseSpectrum;
import gfgd.dynamics.DormandPrinceFlow;
import gfgd.dynamics.FlowResult;
import gfgd.dynamics.GradientDescent;
import gfgd.dynamics.GridHandler;
import gfgd.dynamics.ReluFlow;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Datasets;
import gfgd.objective.FullyConnected;
import gfgd.objective.Initialisations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Evidence only, never asserted: the same GD-against-GF measurement on a small ReLU net (widths 3-4-4-1, no
 * biases, the brief's data), where Theorem 1 does not apply because the objective is not smooth (its
 * gradient jumps where a pre-activation changes sign). GF is {@link DormandPrinceFlow} on {@link ReluFlow},
 * which locates every kink; GD runs in double. Reported: the log-log slope of the max distance against
 * eta, the kinks the flow crossed, and the ratio to {@code eta B} with {@code B} from the piece-wise
 * Hessian (the Hessian of the frozen activation pattern).
 */
public final class ReluEvidence {

    /**
     * Scale of the seeded Gaussian start: units switch during the run (4 kinks crossed), and the flow never
     * slides along two kinks at once, which the solver does not follow (at scale 0.5 it does, at t = 2.83).
     */
    public static final double SCALE = 0.3;

    /** Seed of the start. */
    public static final long SEED = 2021L;

    /** Horizon. */
    public static final int HORIZON = 10;

    static final int[] WIDTHS = {3, 4, 4, 1};

    /**
     * The measured figures (names prefixed {@code relu}) and the plot.
     *
     * @param figures figure name to value
     * @param plot    err/eta against t for each step
     */
    public record Result(Map<String, Double> figures, Plot plot) {
    }

    private ReluEvidence() {
    }

    /** Measures the ReLU net at step sizes 0.04, 0.02, 0.01 (quick) or down to 0.0025 (thorough). */
    public static Result measure(Settings settings) {
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        FullyConnected<Double, DMatrixRMaj> net = FullyConnected.of(a, Datasets.briefExample(), WIDTHS);
        DMatrixRMaj theta0 = Initialisations.gaussian(net.dimension(), SCALE, SEED).vector(a);
        double[] etas = settings.isThorough() ? new double[] {0.04, 0.02, 0.01, 0.005, 0.0025}
                : new double[] {0.04, 0.02, 0.01};
        double fine = etas[etas.length - 1];
        int n = (int) Math.round(HORIZON / fine);
        List<double[]> flow = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        FlowResult<DMatrixRMaj> result;
        try {
            result = DormandPrinceFlow.defaults().sample(ReluFlow.of(net), theta0, fine, n, new GridHandler<>() {
                @Override
                public void handleStep(long k, DMatrixRMaj theta) {
                    flow.add(a.toDoubles(theta));
                }
            });
        } catch (IllegalStateException solverStopped) {
            // evidence only: a flow the solver cannot follow is reported, not asserted
            figures.put("reluSolverStoppedAt", (double) flow.size() * fine);
            return new Result(figures, Plot.linear("relu-error", "ReLU net: the flow solver stopped ("
                    + solverStopped.getMessage() + ")", "t", "grid point", List.of(new Series("samples reached",
                    new double[] {0}, new double[] {flow.size()}))));
        }
        double[] lambdaMin = new double[n + 1];
        double[] q = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            DMatrixRMaj th = a.vector(flow.get(k));
            lambdaMin[k] = DenseSpectrum.ofHessian(net, th).min();
            q[k] = a.toDouble(a.norm(net.hessianVectorProduct(th, net.gradient(th))));
        }
        CurvatureBound c = CurvatureBound.integrate(fine, lambdaMin, q);
        List<Series> lines = new ArrayList<>();
        double[] logEta = new double[etas.length];
        double[] logErr = new double[etas.length];
        double worstRatio = 0;
        for (int i = 0; i < etas.length; i++) {
            double eta = etas[i];
            int stride = (int) Math.round(eta / fine);
            int steps = n / stride;
            double[] t = new double[steps + 1];
            double[] y = new double[steps + 1];
            double[] maxErr = {0};
            double[] ratio = {0};
            GradientDescent.of(net, eta).run(theta0, steps, new GridHandler<>() {
                @Override
                public void handleStep(long k, DMatrixRMaj theta) {
                    int j = (int) k * stride;
                    double[] g = a.toDoubles(theta);
                    double[] r = flow.get(j);
                    double s = 0;
                    for (int p = 0; p < g.length; p++) {
                        s += (g[p] - r[p]) * (g[p] - r[p]);
                    }
                    double err = Math.sqrt(s);
                    t[(int) k] = c.t()[j];
                    y[(int) k] = err / eta;
                    maxErr[0] = Math.max(maxErr[0], err);
                    if (k > 0) {
                        ratio[0] = Math.max(ratio[0], err / (eta * c.bound()[j]));
                    }
                }
            });
            logEta[i] = Math.log(eta);
            logErr[i] = Math.log(maxErr[0]);
            worstRatio = Math.max(worstRatio, ratio[0]);
            lines.add(new Series("err/eta, eta = " + eta, t, y));
        }
        lines.add(new Series("B(t) (piece-wise Hessian)", c.t(), c.bound()));
        figures.put("reluErrorOrder", Trajectories.slope(logEta, logErr));
        figures.put("reluMaxErrOverEta", Math.exp(logErr[etas.length - 1]) / fine);
        figures.put("reluMaxBoundRatio", worstRatio);
        figures.put("reluKinksCrossed", (double) result.crossings());
        figures.put("reluIntegralLambdaMinus", c.negativeIntegral()[n]);
        figures.put("reluFlowEstimate", result.errorEstimate());
        Plot plot = Plot.linear("relu-error", "ReLU net 3-4-4-1 (evidence only, not smooth): GD - GF distance / eta",
                "t", "distance / eta", lines);
        return new Result(figures, plot);
    }
}

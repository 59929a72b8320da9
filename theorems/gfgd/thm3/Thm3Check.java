package gfgd.thm3;

import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.curvature.DenseSpectrum;
import gfgd.dln.BriefSweep;
import gfgd.dln.Convergence;
import gfgd.dln.NearZeroStart;
import gfgd.dln.Problem;
import gfgd.objective.Datasets;
import gfgd.objective.LeastSquares;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deterministic sweep of claim {@code thm3} ({@link BriefSweep} with gradient descent at the brief's
 * step {@link #ETA}) and its two negative controls: the measure-zero starts, and a step well above
 * {@code 2 / lambda_max}.
 */
public final class Thm3Check {

    /** The brief's step (section 4), so that K compares with its table; {@code eta lambda_max <= 0.23} here. */
    public static final double ETA = 0.05;

    /**
     * N = 2: K must grow by 20 to 50 steps per decade of {@code 1/alpha} (brief 4: observed 21-43,
     * predicted {@code ln 10 / ln(1 + eta ||b||) = 38.5}).
     */
    public static final double N2_INCREMENT_MIN = 20;
    /** See {@link #N2_INCREMENT_MIN}. */
    public static final double N2_INCREMENT_MAX = 50;

    /**
     * The large-step control runs GD with {@code eta = LARGE_STEP_FACTOR / lambda_max} at the limit the
     * claim's run reached: 1.5 times the stability edge {@code 2 / lambda_max}. The limit is the flattest
     * global minimum GD can settle in (the near-balanced one), so no global minimum is stable at this step.
     */
    public static final double LARGE_STEP_FACTOR = 3;

    private Thm3Check() {
    }

    /** The claim: every GD run of the sweep converges within its budget with eta lambda_max <= 1, with the brief's scaling. */
    static Verdict run(Settings settings) {
        Verdict.Builder v = Verdict.builder(settings);
        List<Double> etaLambda = new ArrayList<>();
        BriefSweep.Result r = BriefSweep.run(settings, p -> {
            DescentConverges.Outcome o = DescentConverges.evaluate(p, ETA, BriefSweep.EPS);
            etaLambda.add(Math.max(o.etaLambdaMaxStart(), o.etaLambdaMaxEnd()));
            return o.run();
        });
        double maxEtaLambda = etaLambda.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (r.report(v, "GD", N2_INCREMENT_MIN, N2_INCREMENT_MAX, "steps")) {
            v.figure("n2IncrementPredicted",
                    Math.log(10) / Math.log(1 + ETA * LeastSquares.of(Datasets.briefExample()).bNorm()));
        }
        v.requireAtMost("maxEtaLambdaMax", maxEtaLambda, 1.0);
        r.plots("K (GD steps)").forEach(v::plot);
        return v.build();
    }

    /** Negative control 1: "GD converges from every near-zero initialisation", on the measure-zero starts. */
    public static Verdict measureZeroControl(Settings settings) {
        Verdict.Builder v = Verdict.builder(settings);
        tally(v, BriefSweep.degenerateProblems(settings).stream()
                .map(p -> Map.entry(p, DescentConverges.evaluate(p, ETA, BriefSweep.EPS))).toList());
        return v.build();
    }

    /**
     * Negative control 2: "GD converges for any step", tried with {@code eta = LARGE_STEP_FACTOR / lambda_max}
     * at the limit of the claim's step on the brief's data (N = 2, 3, 4, alpha = 0.1, the first seed).
     */
    public static Verdict largeStepControl(Settings settings) {
        Verdict.Builder v = Verdict.builder(settings);
        List<Map.Entry<Problem, DescentConverges.Outcome>> runs = new ArrayList<>();
        for (int depth = 2; depth <= 4; depth++) {
            Problem p = Problem.of(Datasets.briefExample(), BriefSweep.widths(depth),
                    new NearZeroStart(NearZeroStart.Distribution.GAUSSIAN, 0.1, BriefSweep.seeds(settings)[0]));
            Convergence.Run ok = DescentConverges.evaluate(p, ETA, BriefSweep.EPS).run();
            double lambdaLimit = DenseSpectrum.ofHessian(p.objective(), ok.end()).max();
            runs.add(Map.entry(p, DescentConverges.evaluate(p, LARGE_STEP_FACTOR / lambdaLimit, BriefSweep.EPS)));
        }
        tally(v, runs);
        return v.build();
    }

    /** Both controls: each must fail on its own (unit tests check that); together they fail too. */
    static Verdict control(Settings settings) {
        Verdict.Builder v = Verdict.builder(settings);
        Verdict zero = measureZeroControl(settings);
        Verdict large = largeStepControl(settings);
        zero.figures().forEach((k, x) -> v.figure("measureZero_" + k, x));
        large.figures().forEach((k, x) -> v.figure("largeStep_" + k, x));
        v.require(zero.passed(), "measure-zero starts: " + zero.reason());
        v.require(large.passed(), "step " + LARGE_STEP_FACTOR + "/lambda_max: " + large.reason());
        return v.build();
    }

    /** Records runs, failures and the largest eta lambda_max, and requires every run to reach the gap (convergence only). */
    private static void tally(Verdict.Builder v, List<Map.Entry<Problem, DescentConverges.Outcome>> runs) {
        int failures = 0;
        String first = "";
        double maxEtaLambda = 0;
        for (Map.Entry<Problem, DescentConverges.Outcome> e : runs) {
            DescentConverges.Outcome o = e.getValue();
            maxEtaLambda = Math.max(maxEtaLambda, Math.max(o.etaLambdaMaxStart(), o.etaLambdaMaxEnd()));
            if (!o.run().reached() && failures++ == 0) {
                first = e.getKey() + " (eta = " + o.eta() + "): " + o.run().reason();
            }
        }
        v.figure("runs", runs.size()).figure("failures", failures).figure("maxEtaLambdaMax", maxEtaLambda);
        v.require(failures == 0, failures + " of " + runs.size() + " GD runs did not converge; first: " + first);
    }
}

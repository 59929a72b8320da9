package gfgd.fig2;

import gfgd.claims.Plot;
import gfgd.claims.Series;
import gfgd.claims.Settings;
import gfgd.claims.Verdict;
import gfgd.curvature.Lanczos;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.Digits;
import gfgd.objective.FullyConnected;
import gfgd.objective.Initialisations;
import gfgd.objective.Mnist;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The runs of claim {@code fig2}: for each variant (linear and ReLU) of a fully connected network
 * without biases, softmax cross-entropy, Xavier-uniform start from the settings' seed, gradient descent
 * with step {@code eta0} for {@code K} steps and with {@code eta0 / r} for {@code r K} steps,
 * {@code r} in {@link #RATIOS}, compared by {@link StepRefinement} at {@link Setup#samples()} equally
 * spaced times. The check runs at {@code eta0}; the negative control at
 * {@link #CONTROL_EDGE_FRACTION}{@code * 2 / lambda_max}, near the edge of stability of GD at the start
 * ({@code lambda_max} of the initial Hessian by {@link Lanczos}).
 *
 * <p>The runs are independent tasks on a thread pool (longest first); each is deterministic, so the
 * figures do not depend on the thread count.
 */
public final class Fig2Check {

    /** The step refinements compared with {@code eta0}: the paper's Figure 2. */
    static final int[] RATIOS = {2, 5, 10, 20};

    /**
     * Threshold on {@code max_t ||theta_eta(t) - theta_{eta/r}(t)|| / ||theta_eta(t) - theta_0||}: a step
     * refinement moves the trajectory by at most a tenth of the distance it travelled. To first order the
     * ratio is {@code (1 - 1/r) eta ||e(t)|| / ||theta(t) - theta_0||}, which starts at
     * {@code (1 - 1/r) eta ||H g|| / (2 ||g||) <= (1 - 1/r) eta lambda_max / 2}: below 0.1 when
     * {@code eta lambda_max <= 0.2} (a tenth of the stability edge 2), near {@code 1 - 1/r >= 0.5} at the
     * edge (paper-notes.md, fig2).
     */
    public static final double THRESHOLD = 0.1;

    /**
     * Tolerance of {@link StepRefinement#firstOrderFit} on smooth variants: the second-order term changes
     * {@code ratio_r / (1 - 1/r)} by a relative {@code O(eta lambda)} times {@code (1/2 - 1/20)}, about
     * half the ratio itself; with ratios below {@link #THRESHOLD} a spread of 5% is first-order behaviour.
     */
    public static final double FIT_TOLERANCE = 0.05;

    /** The control's step as a fraction of the stability edge {@code 2 / lambda_max(theta_0)}. */
    public static final double CONTROL_EDGE_FRACTION = 0.95;

    /** Lanczos steps for {@code lambda_max(theta_0)}: the residual is reported with it. */
    static final int LANCZOS_STEPS = 30;

    /** Seed offset of the Lanczos start vector (the settings' seed draws the network's start). */
    static final long LANCZOS_SEED_OFFSET = 1;

    /**
     * A network variant: its name in figures and plots, its activation, and whether its loss is smooth
     * ({@code C^2}, so that Theorem 1's first-order expansion and the first-order law apply; ReLU nets are
     * only piecewise smooth and their fit is reported, not required: paper-notes.md, fig2).
     */
    record Variant(String name, FullyConnected.Activation activation, boolean smooth) {
    }

    /** The variants of the paper's Figure 2. */
    static final List<Variant> VARIANTS = List.of(new Variant("linear", FullyConnected.Activation.linear(), true),
            new Variant("relu", FullyConnected.Activation.relu(), false));

    /**
     * One setting of the experiment.
     *
     * @param dataName     the data set's name
     * @param data         loads the data set
     * @param widths       {@code d_0..d_L}
     * @param eta0         the check's step
     * @param steps        {@code K}, steps at {@code eta0} (a multiple of {@code samples})
     * @param samples      {@code S}, compared times
     * @param controlSteps steps of the control at its step (a multiple of {@code samples})
     */
    record Setup(String dataName, Supplier<Dataset> data, int[] widths, double eta0, int steps, int samples,
            int controlSteps) {

        /** The published setup: mnist-1000, {@code [784, 50, 50, 10]}, {@code eta0 = 1e-3}, 10,000 steps. */
        static Setup thorough() {
            return new Setup("mnist-1000", Mnist::load, new int[] {Mnist.PIXELS, 50, 50, Mnist.CLASSES}, 1e-3,
                    10_000, 100, 1000);
        }

        /**
         * The quick setup: the first 1000 digits, {@code [64, 50, 50, 10]}, 200 steps of
         * {@code eta0 = 6e-3}, chosen so that {@code eta0 lambda_max(theta_0)} of the linear net, the
         * quantity the first-order ratio scales with, is the published setup's (0.099 against 0.0998 on
         * mnist-1000 at 1e-3); 100 times; the control runs 100 steps.
         */
        static Setup quick() {
            return new Setup("digits-1000", () -> Digits.load(1000), new int[] {Digits.PIXELS, 50, 50, Digits.CLASSES},
                    6e-3, 200, 100, 100);
        }

        static Setup of(Settings settings) {
            return settings.isThorough() ? thorough() : quick();
        }

        /** This setup with other step and sample counts (e.g. a prefix of the experiment). */
        Setup withSteps(int newSteps, int newSamples, int newControlSteps) {
            return new Setup(dataName, data, widths, eta0, newSteps, newSamples, newControlSteps);
        }
    }

    private Fig2Check() {
    }

    /** Runs the check ({@code control} false) or the negative control under {@code settings}, progress to stderr when thorough. */
    static Verdict run(Settings settings, boolean control) {
        Consumer<String> progress = settings.isThorough() ? System.err::println : line -> { };
        return run(Setup.of(settings), settings, control, Runtime.getRuntime().availableProcessors(), progress);
    }

    /**
     * Runs {@code setup}: per variant, the network, its start and {@code lambda_max(theta_0)}, then every
     * run on a pool of {@code min(threads, runs)} threads, then the comparisons, figures and plots.
     */
    static Verdict run(Setup setup, Settings settings, boolean control, int threads, Consumer<String> progress) {
        Verdict.Builder v = Verdict.builder(settings);
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        Dataset data = setup.data().get();
        DMatrixRMaj theta0 = a.vector(Initialisations.xavier(setup.widths(), settings.seed()).values());
        long steps = control ? setup.controlSteps() : setup.steps();
        List<Task> tasks = new ArrayList<>();
        List<FullyConnected<Double, DMatrixRMaj>> nets = new ArrayList<>();
        double[] etas = new double[VARIANTS.size()];
        Lanczos.Result[] spectra = new Lanczos.Result[VARIANTS.size()];
        for (int i = 0; i < VARIANTS.size(); i++) {
            Variant variant = VARIANTS.get(i);
            FullyConnected<Double, DMatrixRMaj> f = FullyConnected.of(a, data, setup.widths())
                    .withActivation(variant.activation()).withLoss(FullyConnected.Loss.SOFTMAX_CROSS_ENTROPY)
                    .withBiases(false);
            nets.add(f);
            spectra[i] = Lanczos.extremes(f, theta0, LANCZOS_STEPS, settings.seed() + LANCZOS_SEED_OFFSET);
            etas[i] = control ? CONTROL_EDGE_FRACTION * 2 / spectra[i].max() : setup.eta0();
            progress.accept(String.format(Locale.ROOT, "fig2: %s %s: %d parameters, lambda_max(theta_0) = %.6g, eta = %.6g",
                    setup.dataName(), variant.name(), f.dimension(), spectra[i].max(), etas[i]));
            tasks.add(new Task(i, 1, f, etas[i], steps));
            for (int r : RATIOS) {
                tasks.add(new Task(i, r, f, etas[i] / r, r * steps));
            }
        }
        StepRefinement.Trajectory[] runs = runAll(tasks, theta0, setup.samples(), setup.dataName(), threads,
                progress);

        v.figure("threshold", THRESHOLD).figure("fitTolerance", FIT_TOLERANCE)
                .figure("dataSamples", data.samples()).figure("parameters", nets.get(0).dimension())
                .figure("stepsAtEta", steps).figure("comparedTimes", setup.samples());
        if (control) {
            v.figure("controlEdgeFraction", CONTROL_EDGE_FRACTION);
        } else {
            v.figure("eta0", setup.eta0());
        }
        double[] worst = new double[RATIOS.length];
        double[] worstLoss = new double[RATIOS.length];
        double worstFit = 0;
        List<Plot> plots = new ArrayList<>();
        for (int i = 0; i < VARIANTS.size(); i++) {
            String name = VARIANTS.get(i).name();
            int base = i * (RATIOS.length + 1);
            StepRefinement.Trajectory reference = runs[base];
            List<StepRefinement.Trajectory> refined = Arrays.asList(runs).subList(base + 1, base + 1 + RATIOS.length);
            for (int k = base; k <= base + RATIOS.length; k++) {
                v.require(runs[k].completed(), setup.dataName() + " " + name + " eta = " + runs[k].step() + ": "
                        + runs[k].status());
            }
            StepRefinement.Comparison c = StepRefinement.compare(reference, refined, RATIOS);
            v.figure("lambdaMax0_" + name, spectra[i].max())
                    .figure("lambdaMax0Residual_" + name, spectra[i].maxResidual())
                    .figure("eta_" + name, etas[i])
                    .figure("etaTimesLambdaMax0_" + name, etas[i] * spectra[i].max())
                    .figure("tFinal_" + name, c.times()[c.times().length - 1])
                    .figure("lossInitial_" + name, c.lossReference()[0])
                    .figure("lossFinal_" + name, c.lossReference()[c.lossReference().length - 1])
                    .figure("distanceFinal_" + name, c.distanceFromStart()[c.distanceFromStart().length - 1]);
            for (int k = 0; k < RATIOS.length; k++) {
                v.figure("maxRelDistance_r" + RATIOS[k] + "_" + name, c.maxRelDistance()[k])
                        .figure("maxRelLossGap_r" + RATIOS[k] + "_" + name, c.maxRelLossGap()[k]);
                worst[k] = Math.max(worst[k], c.maxRelDistance()[k]);
                worstLoss[k] = Math.max(worstLoss[k], c.maxRelLossGap()[k]);
            }
            int last = RATIOS.length - 1;
            v.figure("firstOrderAtStartPredicted_" + name, firstOrderAtStart(nets.get(i), theta0, etas[i]))
                    .figure("firstOrderAtFirstTime_r" + RATIOS[last] + "_" + name,
                            c.relativeDistance(last, "r").y()[0] / (1 - 1.0 / RATIOS[last]))
                    .figure("firstOrderFit_" + name, c.firstOrderFit());
            if (VARIANTS.get(i).smooth()) {
                worstFit = Math.max(worstFit, c.firstOrderFit());
            }
            plots.addAll(plots(setup, c, name, control));
        }
        for (int k = 0; k < RATIOS.length; k++) {
            v.requireAtMost("maxRelDistance_r" + RATIOS[k], worst[k], THRESHOLD);
        }
        for (int k = 0; k < RATIOS.length; k++) {
            v.figure("maxRelLossGap_r" + RATIOS[k], worstLoss[k]);
        }
        v.requireAtMost("firstOrderFit", worstFit, FIT_TOLERANCE);
        plots.forEach(v::plot);
        return v.build();
    }

    /**
     * The first-order prediction of {@code ratio_r / (1 - 1/r)} as {@code t -> 0}:
     * {@code eta ||H g|| / (2 ||g||)} at {@code theta_0} ({@code e(t) = -(t/2) H g + O(t^2)} and
     * {@code theta(t) - theta_0 = -t g + O(t^2)}), by one exact Hessian-vector product.
     */
    static double firstOrderAtStart(FullyConnected<Double, DMatrixRMaj> f, DMatrixRMaj theta0, double eta) {
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        DMatrixRMaj g = f.gradient(theta0);
        return eta * a.toDouble(a.norm(f.hessianVectorProduct(theta0, g))) / (2 * a.toDouble(a.norm(g)));
    }

    /** One GD run: variant index, refinement {@code r} (1 for the reference), objective, step, steps. */
    private record Task(int variant, int ratio, FullyConnected<Double, DMatrixRMaj> f, double eta, long steps) {
    }

    /**
     * Runs every task (longest first) on {@code min(threads, tasks)} threads; the result's order is the
     * tasks' order.
     */
    private static StepRefinement.Trajectory[] runAll(List<Task> tasks, DMatrixRMaj theta0, int samples,
            String dataName, int threads, Consumer<String> progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread t = new Thread(r, "fig2-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingLong((Integer i) -> -tasks.get(i).steps()));
            List<Future<StepRefinement.Trajectory>> futures = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                futures.add(null);
            }
            for (int i : order) {
                Task t = tasks.get(i);
                String label = String.format(Locale.ROOT, "fig2: %s %s eta/%d", dataName,
                        VARIANTS.get(t.variant()).name(), t.ratio());
                long every = Math.max(1, t.steps() / 10);
                long start = System.nanoTime();
                futures.set(i, pool.submit(() -> StepRefinement.sample(t.f(), theta0, t.eta(), t.steps(), samples,
                        every, (k, total) -> progress.accept(String.format(Locale.ROOT, "%s: step %d of %d (%.0f s)",
                                label, k, total, (System.nanoTime() - start) * 1e-9)))));
            }
            StepRefinement.Trajectory[] out = new StepRefinement.Trajectory[tasks.size()];
            for (int i = 0; i < tasks.size(); i++) {
                out[i] = futures.get(i).get();
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fig2 runs interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("fig2 run failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The paper's two panels for one variant (loss; distances) and the ratio against the threshold. */
    private static List<Plot> plots(Setup setup, StepRefinement.Comparison c, String variant, boolean control) {
        String what = (control ? "control (eta near 2/lambda_max) " : "") + setup.dataName() + " " + variant;
        String prefix = setup.dataName() + "-" + variant;
        double[] t = c.times();
        List<Series> loss = new ArrayList<>();
        loss.add(new Series("eta", t, c.lossReference()));
        List<Series> distance = new ArrayList<>();
        distance.add(new Series("from theta(0)", t, c.distanceFromStart()));
        List<Series> ratio = new ArrayList<>();
        for (int k = 0; k < RATIOS.length; k++) {
            int r = RATIOS[k];
            loss.add(new Series("eta/" + r, t, c.lossRefined()[k]));
            distance.add(new Series("to the eta/" + r + " run", t, c.distanceToRefined()[k]));
            ratio.add(c.relativeDistance(k, "r = " + r));
        }
        ratio.add(new Series("threshold " + THRESHOLD, new double[] {t[1], t[t.length - 1]},
                new double[] {THRESHOLD, THRESHOLD}));
        return List.of(
                Plot.linear(prefix + "-loss", what + ": training loss", "t = k eta", "loss", loss),
                Plot.linear(prefix + "-distance", what + ": distance of the eta run", "t = k eta", "distance",
                        distance),
                Plot.linear(prefix + "-ratio", what + ": ||theta_eta - theta_eta/r|| / ||theta_eta - theta(0)||",
                        "t = k eta", "relative distance", ratio));
    }
}

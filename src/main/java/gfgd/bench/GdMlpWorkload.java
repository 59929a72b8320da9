package gfgd.bench;

import gfgd.dynamics.GradientDescent;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.FullyConnected;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code gd-mlp}: full-batch gradient descent on the {@link DigitsMlp} in double, step 0.001, 2000
 * steps, {@code p <- p - 0.001 grad}, the batch in {@link #BLOCKS} halves computed side by side, run by {@link GradientDescent} (in place; the loss is checked
 * for divergence only at the start and the last step, two forward passes inside the timing). Five
 * untimed gradient evaluations warm up the JIT; the reported final loss is evaluated after the timing.
 */
public final class GdMlpWorkload implements Workload {

    /** Step size. */
    public static final double ETA = 0.001;
    /** Timed steps. */
    public static final int STEPS = 2000;
    /** Untimed warm-up gradient evaluations. */
    public static final int WARMUP = 5;
    /**
     * Sample blocks of the loss and gradient: two halves of the batch, one per core of a 2-core
     * machine, each with single-threaded BLAS; their sums are added in a fixed order, so the figures do
     * not depend on the thread count.
     */
    public static final int BLOCKS = 2;
    /** The system property setting the threads (default: the available processors). */
    public static final String THREADS_PROPERTY = "gfgd.threads";

    /** The workload's objective: the digits MLP in {@link #BLOCKS} blocks on {@code threads} threads. */
    public static <S, M> FullyConnected<S, M> objective(gfgd.numeric.Arithmetic<S, M> a, int threads) {
        return DigitsMlp.objective(a).withBlocks(BLOCKS).withThreads(threads);
    }

    /** The threads named by {@value #THREADS_PROPERTY}, else the available processors. */
    public static int threads() {
        int t = Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
        if (t < 1) {
            throw new IllegalArgumentException(THREADS_PROPERTY + " must be >= 1, got " + t);
        }
        return t;
    }

    @Override
    public String name() {
        return "gd-mlp";
    }

    @Override
    public String description() {
        return "2000 full-batch GD steps (eta 0.001) on the digits MLP 64-128-128-10, float64";
    }

    @Override
    public Map<String, Object> run(PrintStream progress) {
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        int threads = threads();
        FullyConnected<Double, DMatrixRMaj> f = objective(a, threads);
        DMatrixRMaj theta = DigitsMlp.initialParameters(f, DigitsMlp.SEED);
        double lossInit = f.value(theta);
        for (int k = 0; k < WARMUP; k++) {
            f.gradient(theta);
        }
        progress.println("gd-mlp: " + f.dimension() + " parameters, BLAS " + a.blasDescription()
                + ", " + BLOCKS + " blocks on " + threads + " threads, L(init) = " + lossInit + "; timing " + STEPS + " steps");
        GradientDescent<Double, DMatrixRMaj> gd = GradientDescent.of(f, ETA).withCheckEvery(STEPS).withSampleEvery(STEPS);
        long start = System.nanoTime();
        GradientDescent.Result<Double, DMatrixRMaj> result = gd.run(theta, STEPS);
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (!result.completed()) {
            throw new IllegalStateException("gd-mlp: " + result.reason());
        }
        double lossFinal = f.value(result.state());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", name());
        out.put("steps", STEPS);
        out.put("seconds", seconds);
        out.put("stepsPerSecond", STEPS / seconds);
        out.put("lossInit", lossInit);
        out.put("lossFinal", lossFinal);
        out.put("parameters", f.dimension());
        out.put("blas", a.blasDescription());
        out.put("blocks", BLOCKS);
        out.put("threads", threads);
        out.put("openblasNumThreads", System.getenv("OPENBLAS_NUM_THREADS"));
        out.put("openblasCoretype", System.getenv("OPENBLAS_CORETYPE"));
        return out;
    }
}

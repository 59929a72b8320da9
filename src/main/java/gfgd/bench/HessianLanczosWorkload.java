package gfgd.bench;

import gfgd.curvature.DenseSpectrum;
import gfgd.curvature.Lanczos;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.FullyConnected;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code hessian-lanczos}: at the {@link DigitsMlp}'s initialisation, the smallest and largest Hessian
 * eigenvalues by {@value #STEPS} {@link Lanczos} steps (full reorthogonalisation) on the exact
 * R-operator Hessian-vector products of {@link FullyConnected}, start vector Rademacher from SplitMix64
 * state {@value Lanczos#WORKLOAD_SEED}; then, for the {@code 64-16-16-10} net (1482 parameters, same
 * rules), the dense Hessian ({@link FullyConnected#hessian}, one product per column) and its full
 * spectrum ({@link DenseSpectrum#valuesOf}, eigenvalues only, as numpy's {@code eigvalsh}), timed, with the Lanczos extremes of that net beside the dense ones.
 * The timed Lanczos runs include the two products that compute the Ritz residuals. A few untimed
 * products warm up the JIT.
 */
public final class HessianLanczosWorkload implements Workload {

    /** Lanczos steps (Hessian-vector products in the recurrence). */
    public static final int STEPS = 100;
    /** Widths of the small net whose dense spectrum is computed. */
    public static final int[] SMALL_WIDTHS = {64, 16, 16, 10};
    /** Untimed warm-up Hessian-vector products. */
    public static final int WARMUP = 5;

    @Override
    public String name() {
        return "hessian-lanczos";
    }

    @Override
    public String description() {
        return "100 Lanczos steps on the Hessian of the digits MLP 64-128-128-10 at init; dense spectrum of 64-16-16-10";
    }

    @Override
    public Map<String, Object> run(PrintStream progress) {
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        FullyConnected<Double, DMatrixRMaj> big = DigitsMlp.objective(a);
        DMatrixRMaj theta = DigitsMlp.initialParameters(big, DigitsMlp.SEED);
        warmUp(big, theta);
        progress.println("hessian-lanczos: " + big.dimension() + " parameters; timing " + STEPS + " Lanczos steps");
        long start = System.nanoTime();
        Lanczos.Result lanczos = Lanczos.extremes(big, theta, STEPS, Lanczos.WORKLOAD_SEED);
        double lanczosSeconds = (System.nanoTime() - start) * 1e-9;

        FullyConnected<Double, DMatrixRMaj> small = DigitsMlp.objective(a, SMALL_WIDTHS);
        DMatrixRMaj theta0 = DigitsMlp.initialParameters(small, DigitsMlp.SEED);
        warmUp(small, theta0);
        progress.println("hessian-lanczos: dense Hessian of " + small.dimension() + " parameters");
        start = System.nanoTime();
        DMatrixRMaj h = small.hessian(theta0);
        double hessianSeconds = (System.nanoTime() - start) * 1e-9;
        start = System.nanoTime();
        double[] dense = DenseSpectrum.valuesOf(h);
        double eigSeconds = (System.nanoTime() - start) * 1e-9;
        start = System.nanoTime();
        Lanczos.Result smallLanczos = Lanczos.extremes(small, theta0, STEPS, Lanczos.WORKLOAD_SEED);
        double smallLanczosSeconds = (System.nanoTime() - start) * 1e-9;

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", name());
        out.put("parameters", big.dimension());
        out.put("steps", lanczos.steps());
        out.put("lambdaMin", lanczos.min());
        out.put("lambdaMax", lanczos.max());
        out.put("ritzResidualMin", lanczos.minResidual());
        out.put("ritzResidualMax", lanczos.maxResidual());
        out.put("seconds", lanczosSeconds);
        out.put("smallParameters", small.dimension());
        out.put("smallDenseMin", dense[0]);
        out.put("smallDenseMax", dense[dense.length - 1]);
        out.put("smallHessianSeconds", hessianSeconds);
        out.put("smallEigSeconds", eigSeconds);
        out.put("smallLanczosMin", smallLanczos.min());
        out.put("smallLanczosMax", smallLanczos.max());
        out.put("smallLanczosRitzResidualMin", smallLanczos.minResidual());
        out.put("smallLanczosSeconds", smallLanczosSeconds);
        out.put("smallGapMin", Math.abs(smallLanczos.min() - dense[0]));
        out.put("smallGapMax", Math.abs(smallLanczos.max() - dense[dense.length - 1]));
        out.put("blas", a.blas().getClass().getSimpleName());
        out.put("openblasNumThreads", System.getenv("OPENBLAS_NUM_THREADS"));
        return out;
    }

    private static void warmUp(FullyConnected<Double, DMatrixRMaj> f, DMatrixRMaj theta) {
        DMatrixRMaj v = theta.copy();
        for (int k = 0; k < WARMUP; k++) {
            v = f.hessianVectorProduct(theta, v);
            double n = Math.sqrt(f.arithmetic().dot(v, v));
            v = f.arithmetic().scale(1.0 / n, v);
        }
    }
}

package gfgd.thm1;

import gfgd.curvature.DenseSpectrum;
import gfgd.dynamics.FlowResult;
import gfgd.dynamics.GradientDescent;
import gfgd.dynamics.GridHandler;
import gfgd.dynamics.TaylorFlow;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Objective;
import gfgd.taylor.Traced;
import gfgd.taylor.TracedMatrix;
import gfgd.taylor.TracingArithmetic;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;

/**
 * What claim {@code thm1} measures on one instance: the flow augmented with {@code e} ({@link VariationalFlow},
 * Taylor series in apfloat) sampled on the finest grid, the curvature along it (double), and for each step
 * size of a nested sweep the GD iterates in apfloat with their distances to the flow, the bound
 * {@code eta B} and the discrete bound {@code E_j}, at every step.
 */
public final class Trajectories {

    /**
     * One step size.
     *
     * @param eta          the step (decimal)
     * @param stride       grid points of the finest grid per GD step
     * @param t            {@code k eta}, {@code k = 0..n}
     * @param err          {@code ||theta_k - theta(k eta)||}, from apfloat
     * @param gap          {@code ||(theta_k - theta(k eta)) / eta - e(k eta)||}
     * @param discrete     the discrete bound {@code E_k}
     * @param maxErr       {@code max_k err_k}
     * @param maxGap       {@code max_k gap_k}
     * @param maxBoundRatio    {@code max_{k>=1} err_k / (eta B(k eta))}
     * @param maxConvexRatio   {@code max_{k>=1} err_k / (eta (t/2) max ||H grad f||)} (the control's bound)
     * @param maxDiscreteRatio {@code max_{k>=1} err_k / E_k}
     * @param maxEtaLambdaMax  {@code max_k eta lambda_max(H(theta(k eta)))}
     * @param discreteUntil    the last time with a finite {@code E_k} (the horizon unless the bound was given up)
     */
    public record Run(String eta, int stride, double[] t, double[] err, double[] gap, double[] discrete,
                      double maxErr, double maxGap, double maxBoundRatio, double maxConvexRatio,
                      double maxDiscreteRatio, double maxEtaLambdaMax, double discreteUntil) {
    }

    /**
     * One instance.
     *
     * @param instance     the instance
     * @param fineEta      the finest grid's spacing
     * @param errorNorm    {@code ||e(t_k)||} on the finest grid
     * @param curvature    the curvature bounds on the finest grid
     * @param flowEstimate the Taylor integrator's error estimate of the augmented state at {@code T}
     * @param runs         one per step size, coarsest first
     */
    public record Measurement(Thm1Instance instance, double fineEta, double[] errorNorm, CurvatureBound curvature,
                              double flowEstimate, List<Run> runs) {

        /** {@code max_{k>=1} ||e(t_k)|| / B(t_k)}. */
        public double maxLeadingRatio() {
            return maxRatio(errorNorm, curvature.bound());
        }

        /** {@code max_{k>=1} ||e(t_k)|| / Bmin(t_k)}. */
        public double maxLeadingRatioMin() {
            return maxRatio(errorNorm, curvature.boundMin());
        }

        /** {@code max_{k>=1} ||e(t_k)|| / ((t_k/2) max ||H grad f||)}. */
        public double maxLeadingConvexRatio() {
            return maxRatio(errorNorm, curvature.convex());
        }

        /** Least-squares slope of {@code log max err} against {@code log eta} over the sweep. */
        public double errorOrder() {
            return slope(runs, Run::maxErr);
        }

        /** Least-squares slope of {@code log max gap} against {@code log eta} (1 when the gap is O(eta)). */
        public double gapOrder() {
            return slope(runs, Run::maxGap);
        }

        /** {@code max gap / max ||e||} at the smallest step. */
        public double leadingTermGap() {
            double maxE = 0;
            for (double v : errorNorm) {
                maxE = Math.max(maxE, v);
            }
            return runs.get(runs.size() - 1).maxGap() / maxE;
        }
    }

    private Trajectories() {
    }

    /**
     * Measures {@code instance} at the step sizes {@code etas} (decimals, each an integer multiple of the last,
     * coarsest first) in apfloat at {@code digits} digits.
     *
     * @param progress where to report progress (one line per run), or {@code null}
     */
    public static Measurement measure(Thm1Instance instance, String[] etas, int digits,
                                      Consumer<String> progress) {
        ApfloatArithmetic ap = ApfloatArithmetic.digits(digits);
        DoubleArithmetic dbl = DoubleArithmetic.INSTANCE;
        BigDecimal fine = new BigDecimal(etas[etas.length - 1]);
        long n = new BigDecimal(instance.horizon()).divide(fine).longValueExact();
        TracingArithmetic<Apfloat, ApMatrix> tracer = TracingArithmetic.over(ap);
        VariationalFlow<Traced, TracedMatrix> traced = VariationalFlow.of(instance.objective(tracer));
        TaylorFlow<Apfloat, ApMatrix> taylor = TaylorFlow.of(tracer, traced);
        VariationalFlow<Apfloat, ApMatrix> field = VariationalFlow.of(instance.objective(ap));
        Objective<Apfloat, ApMatrix> f = instance.objective(ap);
        Objective<Double, DMatrixRMaj> fd = instance.objective(dbl);
        ApMatrix theta0 = instance.start(ap);
        List<ApMatrix> flow = new ArrayList<>();
        int d = f.dimension();
        double[] eNorm = new double[(int) n + 1];
        double[][] e = new double[(int) n + 1][];
        FlowResult<ApMatrix> result = taylor.sample(field.initialState(theta0), ap.parse(etas[etas.length - 1]), n,
                new GridHandler<>() {
                    @Override
                    public void handleStep(long k, ApMatrix state) {
                        flow.add(field.theta(state));
                        e[(int) k] = ap.toDoubles(field.error(state));
                        eNorm[(int) k] = norm(e[(int) k]);
                    }
                });
        report(progress, instance.id() + ": flow sampled at " + (n + 1) + " points, estimate " + result.errorEstimate());
        List<DenseSpectrum> spectra = new ArrayList<>(flow.size());
        double[] lambdaMin = new double[flow.size()];
        double[] lambdaMax = new double[flow.size()];
        double[] q = new double[flow.size()];
        for (int k = 0; k < flow.size(); k++) {
            DMatrixRMaj th = dbl.vector(ap.toDoubles(flow.get(k)));
            DenseSpectrum s = DenseSpectrum.ofHessian(fd, th);
            spectra.add(s);
            lambdaMin[k] = s.min();
            lambdaMax[k] = s.max();
            q[k] = dbl.toDouble(dbl.norm(fd.hessianVectorProduct(th, fd.gradient(th))));
        }
        CurvatureBound curvature = CurvatureBound.integrate(fine.doubleValue(), lambdaMin, q);
        List<Run> runs = new ArrayList<>();
        for (String eta : etas) {
            int stride = new BigDecimal(eta).divide(fine).intValueExact();
            int steps = (int) (n / stride);
            Apfloat etaAp = ap.parse(eta);
            double etaD = Double.parseDouble(eta);
            List<ApMatrix> iterates = new ArrayList<>(steps + 1);
            GradientDescent.of(f, etaAp).run(theta0, steps, new GridHandler<>() {
                @Override
                public void handleStep(long k, ApMatrix theta) {
                    iterates.add(ap.copy(theta));
                }
            });
            List<ApMatrix> samples = new ArrayList<>(steps + 1);
            List<DenseSpectrum> sampleSpectra = new ArrayList<>(steps + 1);
            for (int k = 0; k <= steps; k++) {
                samples.add(flow.get(k * stride));
                sampleSpectra.add(spectra.get(k * stride));
            }
            DiscreteBound.Bound bound = DiscreteBound.of(f, instance.lipschitz(), samples, sampleSpectra, etaAp);
            double[] t = new double[steps + 1];
            double[] err = new double[steps + 1];
            double[] gap = new double[steps + 1];
            double maxErr = 0;
            double maxGap = 0;
            double maxB = 0;
            double maxC = 0;
            double maxD = 0;
            double maxEtaL = 0;
            for (int k = 0; k <= steps; k++) {
                int i = k * stride;
                t[k] = curvature.t()[i];
                double[] diff = ap.toDoubles(ap.minus(iterates.get(k), samples.get(k)));
                err[k] = norm(diff);
                double[] g = new double[d];
                for (int c = 0; c < d; c++) {
                    g[c] = diff[c] / etaD - e[i][c];
                }
                gap[k] = norm(g);
                maxErr = Math.max(maxErr, err[k]);
                maxGap = Math.max(maxGap, gap[k]);
                maxEtaL = Math.max(maxEtaL, etaD * lambdaMax[i]);
                if (k >= 1) {
                    maxB = Math.max(maxB, err[k] / (etaD * curvature.bound()[i]));
                    maxC = Math.max(maxC, err[k] / (etaD * curvature.convex()[i]));
                    maxD = Math.max(maxD, err[k] / bound.bound()[k]);
                }
            }
            runs.add(new Run(eta, stride, t, err, gap, bound.bound(), maxErr, maxGap, maxB, maxC, maxD, maxEtaL,
                    t[bound.finiteSteps() - 1]));
            report(progress, instance.id() + ": eta = " + eta + ", " + steps + " GD steps, max err " + maxErr);
        }
        return new Measurement(instance, fine.doubleValue(), eNorm, curvature, result.errorEstimate(), runs);
    }

    private static void report(Consumer<String> progress, String line) {
        if (progress != null) {
            progress.accept(line);
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double maxRatio(double[] num, double[] den) {
        double worst = 0;
        for (int k = 1; k < num.length; k++) {
            worst = Math.max(worst, num[k] / den[k]);
        }
        return worst;
    }

    private static double slope(List<Run> runs, ToDoubleFunction<Run> y) {
        double[] lx = new double[runs.size()];
        double[] ly = new double[runs.size()];
        for (int i = 0; i < lx.length; i++) {
            lx[i] = Math.log(Double.parseDouble(runs.get(i).eta()));
            ly[i] = Math.log(y.applyAsDouble(runs.get(i)));
        }
        return slope(lx, ly);
    }

    /** The least-squares slope of {@code y} against {@code x}. */
    static double slope(double[] x, double[] y) {
        int m = x.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < m; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        return (m * sxy - sx * sy) / (m * sxx - sx * sx);
    }

}

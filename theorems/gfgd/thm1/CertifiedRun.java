package gfgd.thm1;

import gfgd.curvature.CertifiedComparison;
import gfgd.dynamics.ValidatedTaylorFlow;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.taylor.TracingArithmetic;
import java.math.BigDecimal;

/** One run of claim {@code thm1-certified}: a {@link CertifiedComparison} on one {@link CertifiedInstance}. */
final class CertifiedRun {

    private CertifiedRun() {
    }

    /**
     * Runs the comparison {@code err_j <= E_j} ({@code convex} false) or the control
     * {@code err_j <= C_j} ({@code convex} true) for {@code j = 0..n}, {@code n = T / eta}, at {@code digits} digits.
     */
    static CertifiedComparison.Result run(CertifiedInstance in, int digits, BigDecimal eta, long n, boolean convex) {
        IntervalArithmetic a = IntervalArithmetic.digits(digits);
        TracingArithmetic<Interval, IntervalMatrix> tr = TracingArithmetic.over(a);
        ValidatedTaylorFlow flow = ValidatedTaylorFlow.gradientFlow(tr, in.objective(tr));
        return CertifiedComparison.run(a, in.objective(a), flow, in.start(a), eta, n, convex);
    }
}

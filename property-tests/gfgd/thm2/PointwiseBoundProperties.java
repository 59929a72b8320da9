package gfgd.thm2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.curvature.CurvatureProfile;
import gfgd.curvature.DenseSpectrum;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.DeepLinear;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.ejml.data.DMatrixRMaj;

/** The pointwise bound of math brief 3b on generated deep linear nets (claim {@code thm2}, check 2). */
class PointwiseBoundProperties {

    /** Fixed jqwik seed: the same samples on every run. */
    private static final String SEED = "20211207";

    @Provide
    Arbitrary<Thm2Arbitraries.NetCase> nets() {
        return Thm2Arbitraries.nets();
    }

    @Property(tries = 300, seed = SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void smallestHessianEigenvalueIsAtLeastMinusTheBound(@ForAll("nets") Thm2Arbitraries.NetCase c) {
        DoubleArithmetic d = DoubleArithmetic.INSTANCE;
        DeepLinear<Double, DMatrixRMaj> f = DeepLinear.of(d, c.data(), c.widths());
        DMatrixRMaj theta = d.vector(c.theta());
        double[] values = DenseSpectrum.valuesOfHessian(f, theta);
        double bound = CurvatureProfile.deepLinearBound(f, theta);
        double ratio = CurvatureProfile.ratio(values[0], values[values.length - 1], bound);
        assertTrue(ratio <= Thm2Check.BOUND_RATIO_LIMIT, c + ": -lambda_min / B = " + ratio + " (lambda_min = "
                + values[0] + ", B = " + bound + ")");
        Statistics.label("depth").collect(c.depth());
        Statistics.label("scale").collect(c.logScale() < -1 ? "small" : c.logScale() < 0 ? "medium" : "large");
        Statistics.label("curvature").collect(values[0] < 0 ? "negative" : "non-negative");
        Statistics.label("depth").coverage(cov -> {
            for (int n = Thm2Arbitraries.MIN_DEPTH; n <= Thm2Arbitraries.MAX_DEPTH; n++) {
                cov.check(n).count(k -> k > 0);
            }
        });
        Statistics.label("scale").coverage(cov -> {
            cov.check("small").count(k -> k > 0);
            cov.check("large").count(k -> k > 0);
        });
        Statistics.label("curvature").coverage(cov -> cov.check("negative").percentage(p -> p > 50));
    }
}

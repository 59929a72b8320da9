package gfgd.objective;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.apfloat.Apfloat;

/** Properties of {@link DeepLinear} over random depths, widths, data and points. */
class DeepLinearProperties {

    /** 60 digits (+10 guard): central differences with h = 1e-20 have rounding ~1e-50. */
    private static final ApfloatArithmetic FINE = ApfloatArithmetic.digits(60);
    /** Central-difference step: truncation O(h^2) ~ 1e-40 relative at these scales. */
    private static final String STEP = "1e-20";
    /** 15 orders above the central differences' own error. */
    private static final double CENTRAL_DIFFERENCE_TOLERANCE = 1e-25;
    /** double vs apfloat: double rounding (1e-16) amplified by at most a few hundred operations. */
    private static final double ARITHMETIC_TOLERANCE = 1e-12;

    /** Fixed jqwik seed: the same samples on every run (evidence is deterministic). */
    private static final String SEED = "20211206";

    @Provide
    Arbitrary<ObjectiveArbitraries.DeepLinearCase> nets() {
        return ObjectiveArbitraries.deepLinearCases();
    }

    @Property(tries = 60, seed = SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void gradientAndHessianVectorProductAreDerivatives(@ForAll("nets") ObjectiveArbitraries.DeepLinearCase c) {
        DeepLinear<Apfloat, ApMatrix> f = DeepLinear.of(FINE, c.data(), c.widths());
        ApMatrix theta = FINE.vector(c.theta());
        ObjectiveContract.assertGradientMatchesCentralDifferences(f, theta, STEP, CENTRAL_DIFFERENCE_TOLERANCE);
        ObjectiveContract.assertHessianVectorProductMatchesCentralDifferences(f, theta, FINE.vector(c.direction()),
                STEP, CENTRAL_DIFFERENCE_TOLERANCE);
        Statistics.label("depth").collect(c.depth());
        Statistics.label("output").collect(c.widths()[c.depth()] == 1 ? "scalar" : "vector");
        Statistics.label("depth").coverage(cov -> {
            for (int n = 1; n <= ObjectiveArbitraries.MAX_DEPTH; n++) {
                cov.check(n).count(k -> k > 0);
            }
        });
        Statistics.label("output").coverage(cov -> {
            cov.check("scalar").count(k -> k > 0);
            cov.check("vector").count(k -> k > 0);
        });
    }

    @Property(tries = 60, seed = SEED)
    void doubleAndApfloatAgree(@ForAll("nets") ObjectiveArbitraries.DeepLinearCase c) {
        Dataset data = c.data();
        ObjectiveContract.assertArithmeticsAgree(DeepLinear.of(DoubleArithmetic.INSTANCE, data, c.widths()),
                DeepLinear.of(ApfloatArithmetic.digits(40), data, c.widths()), c.theta(), c.direction(),
                ARITHMETIC_TOLERANCE);
    }
}

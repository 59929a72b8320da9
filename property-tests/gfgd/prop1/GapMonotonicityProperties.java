package gfgd.prop1;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.apfloat.Apfloat;

/**
 * Family A's gap {@code E = |e^{mt} - (1 + eta m)^k|} increases in {@code eta} (at fixed {@code t}, i.e.
 * decreases in {@code k = t/eta}: {@code (1 + mt/k)^k} increases with {@code k}) and in {@code k} (at
 * fixed {@code eta}: {@code a^k - b^k} increases for {@code a = e^{eta m} > b = 1 + eta m >= 1}). The
 * first is what the threshold search relies on to make {@code k*} the least step count.
 */
class GapMonotonicityProperties {

    /** Fixed jqwik seed: the same samples on every run. */
    private static final String SEED = "20211206";

    @Provide
    Arbitrary<Prop1Arbitraries.FixedTime> fixedTime() {
        return Prop1Arbitraries.fixedTime();
    }

    @Provide
    Arbitrary<Prop1Arbitraries.FixedStep> fixedStep() {
        return Prop1Arbitraries.fixedStep();
    }

    @Property(tries = 120, seed = SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void gapIncreasesWithTheStepAtFixedTime(@ForAll("fixedTime") Prop1Arbitraries.FixedTime c) {
        ExpandingQuadratic q = ExpandingQuadratic.expanding(c.m(), c.t(), "0.01");
        Apfloat larger = q.gap(c.k1());
        Apfloat smaller = q.gap(c.k2());
        assertTrue(larger.compareTo(smaller) > 0, () -> c + ": E(t/k1) = " + larger + " <= E(t/k2) = " + smaller);
        double u = q.mt() / c.k1().doubleValue();
        Statistics.label("phi at k1").collect(u >= 0.1 ? "logarithm" : "series");
        Statistics.label("phi at k1").coverage(cov -> {
            cov.check("logarithm").count(n -> n > 0);
            cov.check("series").count(n -> n > 0);
        });
    }

    @Property(tries = 60, seed = SEED)
    void gapIncreasesWithTheStepCountAtFixedStep(@ForAll("fixedStep") Prop1Arbitraries.FixedStep c) {
        if (c.k1() >= c.k2()) {
            return;
        }
        Apfloat first = ExpandingQuadratic.expanding(c.m(), c.time(c.k1()), "0.01").gap(java.math.BigInteger.valueOf(c.k1()));
        Apfloat second = ExpandingQuadratic.expanding(c.m(), c.time(c.k2()), "0.01").gap(java.math.BigInteger.valueOf(c.k2()));
        assertTrue(first.compareTo(second) < 0, () -> c + ": E at k1 = " + first + " >= E at k2 = " + second);
        assertTrue(new BigDecimal(c.eta()).signum() > 0);
    }
}

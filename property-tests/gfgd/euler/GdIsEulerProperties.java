package gfgd.euler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.objective.Quadratic;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.apfloat.Apfloat;

/** The predicate of claim {@code euler} over random small quadratics, starts and step sizes. */
class GdIsEulerProperties {

    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(EulerCheck.DIGITS);

    /** Fixed jqwik seed: the same samples on every run (evidence is deterministic). */
    private static final String SEED = "20211206";

    @Provide
    Arbitrary<EulerArbitraries.Case> cases() {
        return EulerArbitraries.cases();
    }

    private static GdIsEuler.Deviations measure(EulerArbitraries.Case c, boolean perturbed) {
        EulerCheck.Instance in = c.instance();
        Quadratic<Apfloat, ApMatrix> q = Quadratic.of(AP, AP.fromStrings(in.n(), in.n(), in.matrix()),
                AP.fromStrings(in.n(), 1, in.linear()));
        Apfloat eta = AP.parse(EulerCheck.stepSize(c.c(), EulerCheck.spectralRadius(in)));
        Apfloat gdEta = perturbed ? AP.mul(eta, AP.parse(EulerCheck.CONTROL_STEP_FACTOR)) : eta;
        return GdIsEuler.measure(q, AP.fromStrings(in.n(), 1, in.theta0()), eta, gdEta, c.steps(), 3);
    }

    @Property(tries = 60, seed = SEED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void gradientDescentIsTheClosedFormAndTheEulerMap(@ForAll("cases") EulerArbitraries.Case c) {
        GdIsEuler.Deviations d = measure(c, false);
        assertTrue(GdIsEuler.holds(d, EulerCheck.TOLERANCE), d.maxVsClosedForm() + " / " + d.maxVsEulerMap());
        Statistics.label("dimension").collect(c.n());
        Statistics.label("definiteness").collect(c.indefinite() ? "indefinite" : "semidefinite");
        Statistics.label("dimension").coverage(cov -> {
            for (int n = 1; n <= EulerArbitraries.MAX_DIMENSION; n++) {
                cov.check(n).count(k -> k > 0);
            }
        });
        Statistics.label("definiteness").coverage(cov -> {
            cov.check("indefinite").count(k -> k > 0);
            cov.check("semidefinite").count(k -> k > 0);
        });
    }

    /** Away from stationary starts (where every step size gives the same iterates) the wrong step is detected. */
    @Property(tries = 30, seed = SEED)
    void aStepOffByOnePartInAMillionIsDetected(@ForAll("cases") EulerArbitraries.Case c) {
        GdIsEuler.Deviations d = measure(c, true);
        Assume.that(d.gradientNorm().y()[0] > 0);
        assertFalse(GdIsEuler.holds(d, EulerCheck.TOLERANCE), "GD with eta(1+1e-6) passed: " + c);
    }
}

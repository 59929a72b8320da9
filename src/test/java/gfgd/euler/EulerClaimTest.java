package gfgd.euler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.ClaimResult;
import gfgd.claims.ClaimRunner;
import gfgd.claims.Evidence;
import gfgd.claims.Outcome;
import gfgd.claims.Settings;
import gfgd.dynamics.GradientDescent;
import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.objective.Quadratic;
import gfgd.report.EvidenceJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

class EulerClaimTest {

    private static final ApfloatArithmetic AP = ApfloatArithmetic.digits(EulerCheck.DIGITS);

    /** Fixed versions so the determinism test does not depend on git. */
    private static final Map<String, String> VERSIONS = Map.of("java", "17", "git", "unknown");

    /** The control perturbs eta by 1e-6; after one step from theta0 its trace is above this (far above TOLERANCE). */
    private static final double CONTROL_DETECTION_FLOOR = 1e-9;

    private static Quadratic<Apfloat, ApMatrix> explicitQuadratic() {
        EulerCheck.Instance in = EulerCheck.explicitInstance();
        return Quadratic.of(AP, AP.fromStrings(3, 3, in.matrix()), AP.fromStrings(3, 1, in.linear()));
    }

    private static ApMatrix explicitStart() {
        return AP.fromStrings(3, 1, EulerCheck.explicitInstance().theta0());
    }

    private static double relativeGap(ApMatrix x, ApMatrix y) {
        return AP.toDouble(AP.div(AP.norm(AP.minus(x, y)), AP.norm(y)));
    }

    @Test
    void closedFormEqualsGradientDescentIterates() {
        Quadratic<Apfloat, ApMatrix> q = explicitQuadratic();
        Apfloat eta = AP.parse("0.3");
        GradientDescent<Apfloat, ApMatrix> gd = GradientDescent.of(q, eta);
        assertEquals(0, AP.compare(AP.get(GdIsEuler.closedForm(q, explicitStart(), eta, 0), 1, 0), AP.parse("-0.2")),
                "k = 0 is theta0");
        for (long k : new long[] {1, 7, 100, 321}) {
            ApMatrix closed = GdIsEuler.closedForm(q, explicitStart(), eta, k);
            assertTrue(relativeGap(gd.run(explicitStart(), k).state(), closed) <= EulerCheck.TOLERANCE, "k = " + k);
        }
    }

    @Test
    void closedFormConvergesToTheMinimiser() {
        // A theta* = b for the explicit instance: theta* = (19/24, -7/6, 13/12) (Gauss-Jordan in fractions).
        Quadratic<Apfloat, ApMatrix> q = explicitQuadratic();
        ApMatrix star = AP.zeros(3, 1);
        AP.set(star, 0, 0, AP.ratio(19, 24));
        AP.set(star, 1, 0, AP.ratio(-7, 6));
        AP.set(star, 2, 0, AP.ratio(13, 12));
        assertTrue(AP.toDouble(AP.norm(q.gradient(star))) <= EulerCheck.TOLERANCE, "theta* solves A theta = b");
        ApMatrix far = GdIsEuler.closedForm(q, explicitStart(), AP.parse("0.3"), 1_000_000_000_000L);
        assertTrue(relativeGap(far, star) <= EulerCheck.TOLERANCE, "k = 1e12 by squaring");
    }

    @Test
    void exactStepPassesAndWrongStepIsDetectedOnOneRun() {
        Quadratic<Apfloat, ApMatrix> q = explicitQuadratic();
        Apfloat eta = AP.parse("0.2");
        GdIsEuler.Deviations ok = GdIsEuler.measure(q, explicitStart(), eta, eta, 50, 7);
        assertTrue(GdIsEuler.holds(ok, EulerCheck.TOLERANCE), ok.toString());
        assertEquals(0.0, ok.maxVsEulerMap(), "a GD step is the Euler step, operation for operation");
        assertEquals(9, ok.closedForm().size(), "k = 0, 7, ..., 49 and the last step 50");
        assertEquals(51, ok.gradientNorm().size());
        Apfloat wrong = AP.mul(eta, AP.parse(EulerCheck.CONTROL_STEP_FACTOR));
        GdIsEuler.Deviations bad = GdIsEuler.measure(q, explicitStart(), eta, wrong, 50, 7);
        assertFalse(GdIsEuler.holds(bad, EulerCheck.TOLERANCE));
        assertTrue(bad.maxVsEulerMap() > CONTROL_DETECTION_FLOOR, bad.toString());
        assertTrue(bad.maxVsClosedForm() > CONTROL_DETECTION_FLOOR, bad.toString());
    }

    @Test
    void measureNamesBadArguments() {
        Quadratic<Apfloat, ApMatrix> q = explicitQuadratic();
        Apfloat eta = AP.parse("0.2");
        var steps = assertThrows(IllegalArgumentException.class, () -> GdIsEuler.measure(q, explicitStart(), eta, eta, 0, 1));
        assertEquals("steps must be >= 1, got 0", steps.getMessage());
        var every = assertThrows(IllegalArgumentException.class, () -> GdIsEuler.measure(q, explicitStart(), eta, eta, 5, 0));
        assertEquals("closedFormEvery must be >= 1, got 0", every.getMessage());
    }

    @Test
    void stepSizesAreSixDigitDecimals() {
        assertEquals("0.633333", EulerCheck.stepSize(1.9, 3.0));
        assertEquals("0.1", EulerCheck.stepSize(0.1, 1.0));
    }

    @Test
    void instancesAreSymmetricAndSeeded() {
        List<EulerCheck.Instance> a = EulerCheck.instances(Settings.quick());
        List<EulerCheck.Instance> b = EulerCheck.instances(Settings.quick());
        List<EulerCheck.Instance> other = EulerCheck.instances(Settings.quick().withSeed(99));
        assertEquals(4, a.size());
        assertEquals(10, EulerCheck.instances(Settings.thorough()).size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).matrix(), b.get(i).matrix());
            assertArrayEquals(a.get(i).theta0(), b.get(i).theta0());
            int n = a.get(i).n();
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    assertEquals(a.get(i).matrix()[r * n + c], a.get(i).matrix()[c * n + r], a.get(i).name());
                }
            }
        }
        assertNotEquals(List.of(a.get(2).matrix()), List.of(other.get(2).matrix()), "the seed changes the random instances");
    }

    @Test
    void eulerClaimPassesItsControlIsDetectedAndItsEvidenceIsIdenticalAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ClaimResult> first = pool.submit(() -> ClaimRunner.run(new EulerClaim(), Settings.quick()));
            Future<ClaimResult> second = pool.submit(() -> ClaimRunner.run(new EulerClaim(), Settings.quick()));
            ClaimResult r = first.get();
            assertEquals(Outcome.PASS, r.outcome(), r.reason());
            assertEquals(Outcome.FAIL, r.control().outcome());
            assertEquals(r.check().figures().get("runs"), r.control().figures().get("runsViolating"),
                    "every run of the control is detected");
            assertEquals(List.of("gradient-norm", "deviation-closed-form"),
                    r.check().plots().stream().map(p -> p.name()).toList(), "the Euler deviation is exactly zero: no plot");
            assertEquals(EvidenceJson.withoutWallSeconds(EvidenceJson.write(Evidence.of(r, VERSIONS))),
                    EvidenceJson.withoutWallSeconds(EvidenceJson.write(Evidence.of(second.get(), VERSIONS))));
        } finally {
            pool.shutdownNow();
        }
    }
}

package gfgd.dynamics;

/** Test-only access to the seeded fixtures of this package from other test packages. */
public final class TestObjectivesAccess {

    private TestObjectivesAccess() {
    }

    /** Seeded Gaussian entries scaled by {@code scale}, as exact doubles (see {@code TestObjectives.gaussian}). */
    public static double[] gaussian(long seed, int n, double scale) {
        return TestObjectives.gaussian(seed, n, scale);
    }
}

package gfgd.dynamics;

import gfgd.numeric.Arithmetic;

/** The instances the solver tests share, built in any arithmetic from decimal text or exact doubles. */
final class FlowFixtures {

    private FlowFixtures() {
    }

    /** The explicit data of the math brief (section 3): X is 3 x 5 (inputs x samples), y is 1 x 5. */
    static final String[] X = {
        "1.0", "-0.5", "0.3", "2.0", "-1.2",
        "0.4", "1.1", "-0.7", "0.2", "0.9",
        "-0.8", "0.6", "1.5", "-0.3", "0.1"};
    static final String[] Y = {"0.7", "-1.1", "0.4", "1.9", "-0.6"};

    /** Depth-3 net 3-3-2-1: 9 + 6 + 2 = 17 parameters. */
    static final int[] WIDTHS = {3, 3, 2, 1};

    static final long INIT_SEED = 20211206L;

    /** Initial scale: large enough that the flow leaves the plateau well before t = 5. */
    static final double INIT_SCALE = 0.5;

    static <S, M> TestObjectives.DeepLinearTestNet<S, M> net(Arithmetic<S, M> a) {
        return TestObjectives.deepLinear(a, a.fromStrings(3, 5, X), a.fromStrings(1, 5, Y), WIDTHS);
    }

    static <S, M> M netInit(Arithmetic<S, M> a) {
        double[] g = TestObjectives.gaussian(INIT_SEED, 17, INIT_SCALE);
        return a.vector(g);
    }

    /** A symmetric indefinite 3 x 3 matrix (eigenvalues of both signs). */
    static final String[] INDEFINITE = {
        "2", "1", "0",
        "1", "-0.5", "0.3",
        "0", "0.3", "1"};

    /** A symmetric positive definite 3 x 3 matrix. */
    static final String[] DEFINITE = {
        "3", "1", "0.5",
        "1", "2", "0.25",
        "0.5", "0.25", "1.5"};

    static final String[] LINEAR = {"1", "-0.5", "0.25"};

    static final String[] START = {"0.1", "0.2", "-0.3"};
}

package gfgd.dynamics;

import gfgd.numeric.Arithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.DeepLinear;
import gfgd.objective.Quadratic;

/** The instances the solver tests share, built in any arithmetic from decimal text or exact doubles. */
final class FlowFixtures {

    private FlowFixtures() {
    }

    /** The explicit data of the math brief (section 3), one row per sample (X' of the brief). */
    static final String[] X = {
        "1.0", "0.4", "-0.8",
        "-0.5", "1.1", "0.6",
        "0.3", "-0.7", "1.5",
        "2.0", "0.2", "-0.3",
        "-1.2", "0.9", "0.1"};
    static final String[] Y = {"0.7", "-1.1", "0.4", "1.9", "-0.6"};

    /** Depth-3 net 3-3-2-1: 9 + 6 + 2 = 17 parameters. */
    static final int[] WIDTHS = {3, 3, 2, 1};

    static final long INIT_SEED = 20211206L;

    /** Initial scale: large enough that the flow leaves the plateau well before t = 5. */
    static final double INIT_SCALE = 0.5;

    static final Dataset DATA = Dataset.ofText("brief", 5, 3, 1, X, Y);

    static <S, M> DeepLinear<S, M> net(Arithmetic<S, M> a) {
        return DeepLinear.of(a, DATA, WIDTHS);
    }

    static <S, M> Quadratic<S, M> quadratic(Arithmetic<S, M> a, String[] matrix) {
        return Quadratic.of(a, a.fromStrings(3, 3, matrix), a.fromStrings(3, 1, LINEAR));
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

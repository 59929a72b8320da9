package gfgd.thm1;

import gfgd.numeric.Arithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import gfgd.objective.Initialisations;
import gfgd.objective.Objective;
import gfgd.objective.TiltedDoubleWell;

/**
 * The three smooth instances of claim {@code thm1} (math brief, 1a and 3d): each an objective written once
 * against any arithmetic, a start, a horizon and a Hessian Lipschitz bound.
 */
public enum Thm1Instance {

    /** The 2-D nonconvex {@code (x^2-1)^2/4 + (y-x/2)^2/2} from {@code (0.05, 0)}, on {@code [0, 8]}. */
    TILTED("tilted", "2-D tilted double well from (0.05, 0)", 8) {
        @Override
        public <S, M> Objective<S, M> objective(Arithmetic<S, M> a) {
            return TiltedDoubleWell.of(a);
        }

        @Override
        public <S, M> M start(Arithmetic<S, M> a) {
            return a.fromStrings(2, 1, "0.05", "0");
        }

        @Override
        public HessianLipschitz lipschitz() {
            return HessianLipschitz.tiltedDoubleWell();
        }
    },

    /** The depth-3 scalar net {@code (abc - 1)^2 / 2} from {@code (0.3, 0.25, 0.2)}, on {@code [0, 10]}. */
    SCALAR3("scalar3", "depth-3 scalar net (abc-1)^2/2 from (0.3, 0.25, 0.2)", 10) {
        @Override
        public <S, M> Objective<S, M> objective(Arithmetic<S, M> a) {
            return DeepLinear.of(a, ONE_SAMPLE, SCALAR_WIDTHS);
        }

        @Override
        public <S, M> M start(Arithmetic<S, M> a) {
            return a.fromStrings(3, 1, "0.3", "0.25", "0.2");
        }

        @Override
        public HessianLipschitz lipschitz() {
            return HessianLipschitz.deepLinear(ONE_SAMPLE, SCALAR_WIDTHS);
        }
    },

    /**
     * A depth-3 deep linear net (widths 3-3-2-1) on the brief's explicit data from a seeded Gaussian start
     * of scale {@link #DLN_ALPHA} (seed {@link #DLN_SEED}), on {@code [0, 20]}: the negative-curvature
     * window of the escape (t = 0-5 for this seed) and the convergence fall inside the horizon.
     */
    DLN3("dln3", "depth-3 linear net 3-3-2-1, brief's data, alpha = 0.1", 20) {
        @Override
        public <S, M> Objective<S, M> objective(Arithmetic<S, M> a) {
            return DeepLinear.of(a, Datasets.briefExample(), DLN_WIDTHS);
        }

        @Override
        public <S, M> M start(Arithmetic<S, M> a) {
            return Initialisations.gaussian(DeepLinear.parameterCount(DLN_WIDTHS), DLN_ALPHA, DLN_SEED).vector(a);
        }

        @Override
        public HessianLipschitz lipschitz() {
            return HessianLipschitz.deepLinear(Datasets.briefExample(), DLN_WIDTHS);
        }
    };

    /** Initial scale of the deep linear instance: escape near t ~ 4 for this seed, inside the horizon of 20. */
    public static final double DLN_ALPHA = 0.1;

    /** Seed of the deep linear instance's Gaussian start (fixed: the instance is part of the claim). */
    public static final long DLN_SEED = 2021L;

    static final int[] DLN_WIDTHS = {3, 3, 2, 1};
    static final int[] SCALAR_WIDTHS = {1, 1, 1, 1};
    /** One sample x = 1, y = 1: DeepLinear with widths 1-1-1-1 is then (abc - 1)^2 / 2. */
    static final Dataset ONE_SAMPLE = Dataset.ofText("x=1,y=1", 1, 1, 1, new String[] {"1"}, new String[] {"1"});

    private final String id;
    private final String description;
    private final int horizon;

    Thm1Instance(String id, String description, int horizon) {
        this.id = id;
        this.description = description;
        this.horizon = horizon;
    }

    /** The objective in arithmetic {@code a}. */
    public abstract <S, M> Objective<S, M> objective(Arithmetic<S, M> a);

    /** The start {@code theta_0} in arithmetic {@code a} (decimal text or seeded doubles, taken exactly). */
    public abstract <S, M> M start(Arithmetic<S, M> a);

    /** A Lipschitz bound of the Hessian on balls. */
    public abstract HessianLipschitz lipschitz();

    /** The short id used in figure names. */
    public String id() {
        return id;
    }

    /** How the report names the instance. */
    public String description() {
        return description;
    }

    /** The horizon {@code T} (integer time units). */
    public int horizon() {
        return horizon;
    }
}

package gfgd.thm1;

import gfgd.numeric.Arithmetic;
import gfgd.objective.Datasets;
import gfgd.objective.DeepLinear;
import gfgd.objective.Objective;

/**
 * The instances of claim {@code thm1-certified}: the two small instances of {@code thm1} (the tilted double
 * well and the depth-3 scalar net) and a small deep linear net (widths 3-1-1 on the brief's explicit data,
 * 4 parameters), each written once against any arithmetic and run here in interval arithmetic.
 */
enum CertifiedInstance {

    /** Instance (a): the 2-D tilted double well from (0.05, 0). */
    TILTED("tilted", Thm1Instance.TILTED),

    /** Instance (b): the depth-3 scalar net (abc - 1)^2 / 2 from (0.3, 0.25, 0.2). */
    SCALAR3("scalar3", Thm1Instance.SCALAR3),

    /** A small deep linear net: widths 3-1-1 on the brief's explicit data from a fixed decimal start. */
    DLN_SMALL("dln311", null) {
        @Override
        <S, M> Objective<S, M> objective(Arithmetic<S, M> a) {
            return DeepLinear.of(a, Datasets.briefExample(), SMALL_WIDTHS);
        }

        @Override
        <S, M> M start(Arithmetic<S, M> a) {
            return a.fromStrings(4, 1, SMALL_START);
        }

        @Override
        HessianLipschitz lipschitz() {
            return HessianLipschitz.deepLinear(Datasets.briefExample(), SMALL_WIDTHS);
        }
    };

    /** Widths of the small deep linear net: input 3, one hidden unit, scalar output. */
    static final int[] SMALL_WIDTHS = {3, 1, 1};
    /** Its start (W1 = (0.3, -0.2, 0.4), W2 = 0.5): away from the saddle at zero, so the flow moves at O(1). */
    static final String[] SMALL_START = {"0.3", "-0.2", "0.4", "0.5"};

    private final String label;
    /** The thm1 instance this one is, or {@code null} for an instance of its own (which overrides every method). */
    private final Thm1Instance same;

    CertifiedInstance(String label, Thm1Instance same) {
        this.label = label;
        this.same = same;
    }

    String label() {
        return label;
    }

    <S, M> Objective<S, M> objective(Arithmetic<S, M> a) {
        return same.objective(a);
    }

    <S, M> M start(Arithmetic<S, M> a) {
        return same.start(a);
    }

    /** A Lipschitz constant of the Hessian on balls (from claim thm1's explicit bounds). */
    HessianLipschitz lipschitz() {
        return same.lipschitz();
    }
}

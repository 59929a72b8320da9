package gfgd.dln;

import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Dataset;
import gfgd.objective.DeepLinear;
import gfgd.objective.InitialPoint;
import gfgd.objective.LeastSquares;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * One instance of the convergence claims: a deep linear net with scalar output on a data set, started
 * at {@code theta_0} whose scale is {@code alpha}.
 *
 * @param name   how reports name it
 * @param data   the data set (one output)
 * @param widths {@code d_0, ..., d_N} with {@code d_0 = data.inputs()} and {@code d_N = 1}
 * @param start  {@code theta_0}
 * @param alpha  the scale of {@code theta_0} (what the budget is a function of)
 */
public record Problem(String name, Dataset data, int[] widths, InitialPoint start, double alpha) {

    public Problem {
        widths = widths.clone();
        if (widths[widths.length - 1] != 1) {
            throw new IllegalArgumentException("the convergence claims are about scalar outputs: d_N must be 1, got "
                    + Arrays.toString(widths));
        }
        start.requireDimension(DeepLinear.parameterCount(widths));
    }

    /** A problem started at a random near-zero initialisation. */
    public static Problem of(Dataset data, int[] widths, NearZeroStart start) {
        return new Problem(data.name() + " " + Arrays.toString(widths) + " " + start, data, widths,
                start.point(widths), start.alpha());
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** The depth {@code N}. */
    public int depth() {
        return widths.length - 1;
    }

    /** The objective in double. */
    public DeepLinear<Double, DMatrixRMaj> objective() {
        return DeepLinear.of(DoubleArithmetic.INSTANCE, data, widths);
    }

    /** {@code theta_0} as a double vector. */
    public DMatrixRMaj theta0() {
        return start.vector(DoubleArithmetic.INSTANCE);
    }

    /** The global optimum {@code f*} over linear predictors, with the data moments. */
    public LeastSquares optimum() {
        return LeastSquares.of(data);
    }

    @Override
    public String toString() {
        return name;
    }
}

package gfgd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.dynamics.GradientDescent;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.FullyConnected;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The full gd-mlp trajectory (2000 steps; several seconds), run by {@code mvn verify}. */
class GdMlpIT {

    /** PyTorch and numpy agree on the published value to the last bit; BLAS summation order may differ. */
    private static final double LOSS_FINAL_TOLERANCE = 1e-10;

    @Test
    void lossAfterTheWorkloadStepsIsThePublishedValue() {
        DoubleArithmetic d = DoubleArithmetic.INSTANCE;
        // the workload's two halves on all cores (the result does not depend on the thread count)
        FullyConnected<Double, DMatrixRMaj> f = GdMlpWorkload.objective(d, GdMlpWorkload.threads());
        GradientDescent.Result<Double, DMatrixRMaj> run = GradientDescent.of(f, GdMlpWorkload.ETA)
                .withCheckEvery(100).run(DigitsMlp.initialParameters(f, DigitsMlp.SEED), GdMlpWorkload.STEPS);
        assertTrue(run.completed(), run.reason());
        DMatrixRMaj theta = run.state();
        assertEquals(0.29886763572152586, f.value(theta), LOSS_FINAL_TOLERANCE * 0.29886763572152586);
    }
}

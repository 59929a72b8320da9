package gfgd.taylor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.DoubleArithmetic;
import org.apfloat.Apfloat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TracingArithmeticTest {


    @Test
    void constantsFoldAndZeroProductsAreNotRecorded() {
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(ApfloatArithmetic.digits(20));
        TracedMatrix x = tr.inputs(2);
        int before = tr.tapeSize();
        Traced c = tr.mul(tr.parse("0.5"), tr.of(4));
        assertTrue(c.isConstant());
        assertEquals(2.0, tr.toDouble(c));
        assertTrue(tr.mul(tr.zero(), tr.get(x, 0, 0)).isConstant());
        assertEquals(tr.get(x, 1, 0), tr.mul(tr.one(), tr.get(x, 1, 0)));
        assertEquals(tr.get(x, 1, 0), tr.add(tr.zero(), tr.get(x, 1, 0)));
        assertEquals(before, tr.tapeSize());
        tr.mul(tr.get(x, 0, 0), tr.get(x, 1, 0));
        assertEquals(before + 1, tr.tapeSize());
    }

    @Test
    void nonPolynomialOperationsOnTracedValuesAreRejectedByName() {
        TracingArithmetic<Apfloat, ApMatrix> tr = TracingArithmetic.over(ApfloatArithmetic.digits(20));
        Traced x = tr.get(tr.inputs(1), 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tr.div(tr.one(), x));
        assertTrue(e.getMessage().contains("not a polynomial vector field: division (reciprocal) of a traced value"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tr.sqrt(x));
        assertTrue(e.getMessage().contains("not a polynomial vector field: sqrt of a traced value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tr.compare(x, tr.zero()));
        assertTrue(e.getMessage().contains("not a polynomial vector field: compare of a traced value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tr.signum(x));
        assertTrue(e.getMessage().contains("signum of a traced value"), e.getMessage());
        assertEquals(0.25, tr.toDouble(tr.div(tr.of(1), tr.of(4))));
    }
}

package gfgd.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.numeric.ApMatrix;
import gfgd.numeric.ApfloatArithmetic;
import gfgd.numeric.Interval;
import gfgd.numeric.IntervalArithmetic;
import gfgd.numeric.IntervalMatrix;
import gfgd.objective.TiltedDoubleWell;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IntervalGradientDescentTest {

    /** 60-digit apfloat GD rounds each of 200 steps at ~1e-70: far inside any enclosure's width. */
    private static final BigDecimal APFLOAT_ROUNDING = new BigDecimal("1e-60");
    /** 40-digit enclosures after 200 steps stay far below the GD-GF distances (~1e-3) they are compared with. */
    private static final BigDecimal NARROW = new BigDecimal("1e-35");

    @Test
    void gradientDescentRunsUnchangedInIntervalsAndEnclosesTheIterates() {
        IntervalArithmetic ia = IntervalArithmetic.digits(40);
        ApfloatArithmetic ap = ApfloatArithmetic.digits(60);
        GradientDescent.Result<Interval, IntervalMatrix> r = GradientDescent.of(TiltedDoubleWell.of(ia), ia.parse("0.01"))
                .run(ia.fromStrings(2, 1, "0.05", "0"), 200);
        ApMatrix reference = GradientDescent.of(TiltedDoubleWell.of(ap), ap.parse("0.01"))
                .run(ap.fromStrings(2, 1, "0.05", "0"), 200).state();
        for (int i = 0; i < 2; i++) {
            Interval box = r.state().get(i, 0);
            BigDecimal v = new BigDecimal(reference.get(i, 0).toString(true));
            assertTrue(box.lo().compareTo(v.add(APFLOAT_ROUNDING)) <= 0 && v.subtract(APFLOAT_ROUNDING).compareTo(box.hi()) <= 0,
                    "component " + i + ": " + box + " vs " + v);
            assertTrue(box.width().compareTo(NARROW) < 0, "width " + box.width());
        }
    }
}

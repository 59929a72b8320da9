package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void firstOutputFromStateZeroIsTheReferenceValue() {
        assertEquals(0xE220A8397B1DCDAFL, new SplitMix64(0).nextLong());
    }

    @Test
    void stateAdvancesByTheGoldenGammaAndDoublesLieInTheUnitInterval() {
        SplitMix64 r = new SplitMix64(42);
        for (int k = 1; k <= 1000; k++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1, "u = " + u);
            assertEquals(42 + k * 0x9E3779B97F4A7C15L, r.state());
        }
    }
}

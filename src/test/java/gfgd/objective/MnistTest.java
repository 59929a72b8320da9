package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MnistTest {

    /** Decimals with three digits, normalised in double: recovering them is exact to a few ulps of 1. */
    private static final double PIXEL_RECOVERY_TOLERANCE = 1e-15;

    @Test
    void everyClassHasOneHundredImagesInterleavedByDigit() {
        Dataset d = Mnist.load();
        assertEquals(1000, d.samples());
        assertEquals(784, d.inputs());
        assertEquals(10, d.outputs());
        int[] labels = Digits.labels(d);
        int[] counts = new int[Mnist.CLASSES];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            assertEquals(i % 10, labels[i], "row " + i + " is sample " + i / 10 + " of digit " + i % 10);
        }
        assertArrayEquals(new int[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, counts);
    }

    @Test
    void pixelsAreNormalisedWithTheMnistMeanAndDeviation() {
        double[] x = Mnist.load(10).x();
        // the first image: pixels 0..126 are 0, pixels 127, 128, 129 are 0.2, 0.624, 0.992
        assertEquals(-0.1307 / 0.3081, x[0], 0.0);
        assertEquals(0.2, x[127] * Mnist.STD + Mnist.MEAN, PIXEL_RECOVERY_TOLERANCE);
        assertEquals(0.624, x[128] * Mnist.STD + Mnist.MEAN, PIXEL_RECOVERY_TOLERANCE);
        assertEquals(0.992, x[129] * Mnist.STD + Mnist.MEAN, PIXEL_RECOVERY_TOLERANCE);
        for (double v : x) {
            double pixel = v * Mnist.STD + Mnist.MEAN;
            assertTrue(pixel > -PIXEL_RECOVERY_TOLERANCE && pixel < 1 + PIXEL_RECOVERY_TOLERANCE, "pixel " + pixel);
        }
    }

    @Test
    void checksumMismatchNamesBothHashes() {
        byte[] bytes = "p0,label\n1,2\n".getBytes(StandardCharsets.US_ASCII);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Mnist.parse(bytes, Mnist.SHA256));
        assertTrue(e.getMessage().contains(Mnist.SHA256) && e.getMessage().contains(Digits.sha256(bytes)),
                e.getMessage());
    }

    @Test
    void aPrefixOutOfRangeIsRejectedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(1001));
        assertTrue(e.getMessage().contains("1001"), e.getMessage());
    }
}

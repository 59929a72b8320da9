package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigitsTest {

    @Test
    void firstThousandRowsHaveThePublishedClassCounts() {
        int[] counts = new int[Digits.CLASSES];
        for (int label : Digits.labels(Digits.load(1000))) {
            counts[label]++;
        }
        assertArrayEquals(new int[] {99, 102, 100, 104, 98, 100, 101, 99, 98, 99}, counts);
    }

    @Test
    void allRowsHaveThePublishedClassCounts() {
        int[] counts = new int[Digits.CLASSES];
        for (int label : Digits.labels(Digits.load())) {
            counts[label]++;
        }
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
    }

    @Test
    void inputsArePixelCountsOverSixteenAndTargetsOneHot() {
        Dataset d = Digits.load();
        assertEquals(1797, d.samples());
        assertEquals(64, d.inputs());
        assertEquals(10, d.outputs());
        double[] x = d.x();
        // first data line of the file: 0,0,5,13,9,1,0,0,...
        assertArrayEquals(new double[] {0, 0, 5 / 16.0, 13 / 16.0, 9 / 16.0, 1 / 16.0, 0, 0},
                java.util.Arrays.copyOf(x, 8));
        for (double v : x) {
            assertTrue(v >= 0 && v <= 1 && v * 16 == Math.rint(v * 16), "pixel " + v);
        }
        double[] y = d.y();
        for (int i = 0; i < d.samples(); i++) {
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                sum += y[i * 10 + c];
            }
            assertEquals(1.0, sum, 0.0);
        }
        assertEquals(0, Digits.labels(d)[0]);
    }

    @Test
    void checksumMismatchNamesBothHashes() {
        byte[] bytes = "p0,label\n1,2\n".getBytes(StandardCharsets.US_ASCII);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Digits.parse(bytes, Digits.SHA256));
        assertTrue(e.getMessage().contains(Digits.SHA256) && e.getMessage().contains(Digits.sha256(bytes)),
                e.getMessage());
    }

    @Test
    void badArgumentsAreRejectedWithTheirValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Digits.load(0));
        assertTrue(e.getMessage().contains("n") && e.getMessage().contains("0"), e.getMessage());
        Dataset notDigits = Dataset.of("other", 1, 1, 3, new double[] {0}, new double[] {0, 1, 0});
        e = assertThrows(IllegalArgumentException.class, () -> Digits.labels(notDigits));
        assertTrue(e.getMessage().contains("outputs") && e.getMessage().contains("3"), e.getMessage());
    }
}

package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Data sets that keep their decimal text, and the checks of the bundled image files' layout. */
class DatasetTextTest {

    @Test
    void aHeadKeepsTheTextOfItsRows() {
        Dataset d = Dataset.ofText("t", 3, 2, 1, new String[] {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6"},
                new String[] {"1", "2", "3"});
        Dataset h = d.head(2);
        assertArrayEquals(new String[] {"0.1", "0.2", "0.3", "0.4"}, h.xText());
        assertArrayEquals(new String[] {"1", "2"}, h.yText());
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, h.x());
        Dataset pairs = Dataset.ofText("pairs", 3, 1, 2, new String[] {"1", "2", "3"},
                new String[] {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6"});
        assertArrayEquals(new String[] {"0.1", "0.2", "0.3", "0.4"}, pairs.head(2).yText());
    }

    @Test
    void textOfAnotherLengthThanTheValuesIsRefused() {
        double[] x = {1, 2};
        double[] y = {3};
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("t", 1, 2, 1, x, y, new String[] {"1"}, null));
        assertEquals("xText has length 1, expected 2", ex.getMessage());
        IllegalArgumentException ey = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("t", 1, 2, 1, x, y, null, new String[] {"3", "4"}));
        assertEquals("yText has length 2, expected 1", ey.getMessage());
    }

    @Test
    void theDigestIsSha256InLowerCaseHex() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        // FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digits.sha256(abc));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LabelledImages.sha256(abc));
        byte[] other = "abd".getBytes(StandardCharsets.US_ASCII);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(other)), Digits.sha256(other));
    }

    @Test
    void aLineWithTheWrongFieldCountIsNamedByItsLineNumber() throws Exception {
        byte[] csv = "p0,p1,label\n0,1,1\n0.5,0\n".getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
        LabelledImages.Layout layout = new LabelledImages.Layout("toy.csv", 2, 2, 2, p -> p);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LabelledImages.parse(csv, sha, layout, "toy"));
        assertEquals("toy.csv line 3 has 2 fields, expected 3", e.getMessage());
        byte[] good = "p0,p1,label\n0,1,1\n0.5,0,0\n".getBytes(StandardCharsets.US_ASCII);
        Dataset d = LabelledImages.parse(good, LabelledImages.sha256(good), layout, "toy");
        assertArrayEquals(new double[] {0, 1, 0.5, 0}, d.x());
        assertArrayEquals(new double[] {0, 1, 1, 0}, d.y());
    }
}

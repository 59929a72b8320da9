package gfgd.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Initial points as values (equality, hash, description) and read from CSV bytes. */
class InitialPointTest {

    @Test
    void pointsAreEqualExactlyWhenNameValuesAndTextAre() {
        InitialPoint p = InitialPoint.ofText("p", "0.1", "2");
        assertEquals(p, InitialPoint.ofText("p", "0.1", "2"));
        assertEquals(p.hashCode(), InitialPoint.ofText("p", "0.1", "2").hashCode());
        InitialPoint[] others = {
            InitialPoint.ofText("q", "0.1", "2"),
            InitialPoint.ofText("p", "0.1", "3"),
            InitialPoint.of("p", 0.1, 2),
            InitialPoint.ofText("p", "0.10", "2"),
        };
        for (InitialPoint o : others) {
            assertNotEquals(p, o, o.toString());
            assertNotEquals(o, p, o.toString());
            assertNotEquals(p.hashCode(), o.hashCode(), "a hash that ignores a component: " + o);
        }
        assertNotEquals(p, "p");
        assertEquals(InitialPoint.of("p", 0.1, 2), InitialPoint.of("p", 0.1, 2));
    }

    @Test
    void aPointDescribesItsNameDimensionAndText() {
        assertEquals("InitialPoint[p, dimension 2, decimal text]", InitialPoint.ofText("p", "0.1", "2").toString());
        assertEquals("InitialPoint[q, dimension 3]", InitialPoint.of("q", 1, 2, 3).toString());
    }

    @Test
    void aPointFitsOnlyItsOwnDimension() {
        InitialPoint p = InitialPoint.of("p", 1, 2, 3);
        assertSame(p, p.requireDimension(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.requireDimension(4));
        assertEquals("initial point 'p' has dimension 3, expected 4", e.getMessage());
    }

    @Test
    void aCsvStreamIsReadAsUtf8WithTrimmedFieldsAndLongZeroPaddedIndices() {
        String csv = "k,name,i,j,value\n0, W1 ,000000000, 0 , 0.1\n1,W2,0,0,-2\n";
        InitialPoint p = Initialisations.fromCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "stream", 1, 1, 1);
        assertEquals("stream", p.name());
        assertArrayEquals(new String[] {"0.1", "-2"}, p.text());
        assertArrayEquals(new double[] {0.1, -2}, p.values());
        IllegalArgumentException ten = assertThrows(IllegalArgumentException.class,
                () -> Initialisations.fromCsv(new StringReader("k,name,i,j,value\n0,W1,0000000000,0,1\n"), "ten"));
        assertEquals("ten: line 2, column 'i': not a non-negative integer: '0000000000'", ten.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Initialisations.fromCsv(new StringReader("k,name,,j,value\n0,W1,0,0,1\n"), "gap"));
        assertEquals("gap: line 1: empty column name 3 in header 'k,name,,j,value'", empty.getMessage());
    }
}

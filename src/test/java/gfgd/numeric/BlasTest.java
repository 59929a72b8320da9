package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class BlasTest {

    @Test
    void theBundledOpenBlasRunsOnLinuxX8664WithNothingInstalled() {
        assumeTrue(System.getProperty(Blas.PROPERTY) == null, "a BLAS source was chosen explicitly");
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").equals("amd64"), "the bundled library is for Linux x86_64");
        assertTrue(Blas.description().startsWith("bundled OpenBLAS"), Blas.description());
        assertTrue(DoubleArithmetic.INSTANCE.blas() instanceof dev.ludovic.netlib.blas.NativeBLAS,
                DoubleArithmetic.INSTANCE.blas().getClass().getName());
    }

    @Test
    void theSharedArithmeticUsesTheChosenBlasAndSaysWhichItIs() {
        assertSame(Blas.instance(), DoubleArithmetic.INSTANCE.blas());
        assertEquals(Blas.description(), DoubleArithmetic.INSTANCE.blasDescription());
        dev.ludovic.netlib.blas.BLAS java = dev.ludovic.netlib.blas.JavaBLAS.getInstance();
        assertEquals(java.getClass().getSimpleName(), DoubleArithmetic.withBlas(java).blasDescription());
    }
}

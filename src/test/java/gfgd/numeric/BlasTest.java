package gfgd.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The BLAS selection. The class chooses once per JVM (by default the bundled OpenBLAS); the other
 * branches of {@link Blas#choose} are exercised here in the same JVM, where netlib has already loaded
 * its native library (it loads one per JVM) and JavaCPP returns the library it loaded.
 */
class BlasTest {

    private static final String NATIVE_LIB_PATH = "dev.ludovic.netlib.blas.nativeLibPath";

    private static void assumeTheBundledLibraryWasChosen() {
        assumeTrue(Blas.description().startsWith("bundled OpenBLAS"), "this JVM runs " + Blas.description());
    }

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

    @Test
    void pureJavaIsChosenByNameWhateverTheCaseAndSpacing() {
        for (String source : new String[] {"java", " Java ", "JAVA"}) {
            Blas b = Blas.choose(source);
            assertEquals("pure Java", b.description, source);
            assertSame(JavaBLAS.getInstance(), b.blas, source);
        }
    }

    @Test
    void anUnknownSourceIsRefusedNamingThePropertyAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Blas.choose("mkl"));
        assertEquals("system property gfgd.blas must be bundled, system or java, got 'mkl'", e.getMessage());
    }

    @Test
    void theBundledLibraryIsTheLibopenblasFileJavaCppLoadedRunningOneThread() {
        assumeTheBundledLibraryWasChosen();
        assumeTrue(System.getenv("OPENBLAS_NUM_THREADS") == null, "OPENBLAS_NUM_THREADS is set");
        String path = Blas.BundledOpenBlas.load();
        assertEquals(System.getProperty(NATIVE_LIB_PATH), path, "the file netlib was pointed at");
        assertTrue(new File(path).getName().matches("libopenblas(_nolapack)?\\.(so|so\\.0|0\\.dylib|dylib)"), path);
        assertTrue(new File(path).isFile(), path);
        String d = Blas.BundledOpenBlas.describe();
        assertTrue(d.matches("OpenBLAS \\d+\\.\\d+\\.\\d+\\S* from JavaCPP, 1 thread"), d);
        assertEquals("bundled " + d, Blas.description());
    }

    @Test
    void choosingTheBundledLibraryAgainLoadsTheSameFileAndTheSameBlas() {
        assumeTheBundledLibraryWasChosen();
        String path = System.getProperty(NATIVE_LIB_PATH);
        assertNotNull(path, "the bundled choice points netlib at its file");
        System.clearProperty(NATIVE_LIB_PATH);
        Blas again;
        String pointedAt;
        try {
            again = Blas.choose("bundled");
        } finally {
            pointedAt = System.getProperty(NATIVE_LIB_PATH);
            System.setProperty(NATIVE_LIB_PATH, path);
        }
        assertEquals(path, pointedAt);
        assertEquals(Blas.description(), again.description);
        assertSame(Blas.instance(), again.blas);
    }

    @Test
    void withTheBundledLibraryLoadedAnotherBundledRequestFallsBackToJavaAndLogsWhy() {
        assumeTheBundledLibraryWasChosen();
        Logger log = Logger.getLogger("dev.ludovic.netlib");
        Level level = log.getLevel();
        List<String> messages = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                messages.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        log.addHandler(capture);
        log.setLevel(Level.FINE);
        Blas b;
        try {
            // netlib's path still names the loaded OpenBLAS: a second native library would clash with it
            b = Blas.choose("bundled");
        } finally {
            log.removeHandler(capture);
            log.setLevel(level);
        }
        String why = "bundled: not tried, " + NATIVE_LIB_PATH + " is set";
        assertEquals("pure Java (" + why + ")", b.description);
        assertSame(JavaBLAS.getInstance(), b.blas);
        assertEquals(List.of("no native BLAS: [" + why + "]"), messages);
    }

    @Test
    void theSystemSourceNamesTheLibraryNetlibLoads() {
        assumeTheBundledLibraryWasChosen();
        String path = System.getProperty(NATIVE_LIB_PATH);
        Blas b = Blas.choose("system");
        assertSame(NativeBLAS.getInstance(), b.blas);
        assertEquals("system " + path, b.description);
        String name = System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
        System.clearProperty(NATIVE_LIB_PATH);
        try {
            assertEquals("system " + name, Blas.choose("system").description, "without a path, the library's name");
        } finally {
            System.setProperty(NATIVE_LIB_PATH, path);
        }
    }
}

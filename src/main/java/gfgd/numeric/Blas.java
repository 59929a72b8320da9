package gfgd.numeric;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the BLAS that {@link DoubleArithmetic#INSTANCE} multiplies with, once per JVM.
 *
 * <p>The system property {@value #PROPERTY} names the order in which sources are tried:
 * <ul>
 *   <li>{@code bundled} (default): the OpenBLAS shipped inside the jar by JavaCPP's
 *       {@code org.bytedeco:openblas} platform jar. JavaCPP's {@code Loader} extracts it (with the
 *       Fortran runtime it needs) into its cache ({@code ~/.javacpp/cache}) and loads it; netlib's JNI
 *       binding is then pointed at that file by {@code dev.ludovic.netlib.blas.nativeLibPath}, so
 *       {@code dgemm} reads the Java arrays in place (no copies). Nothing needs to be installed.
 *       If the platform has no bundled library (only Linux x86_64 is packaged), the system library is
 *       tried next, then pure Java.</li>
 *   <li>{@code system}: the system BLAS that netlib loads by name ({@code libblas.so.3}, e.g. Debian's
 *       {@code libopenblas0}; {@code dev.ludovic.netlib.blas.nativeLib} names another), then pure Java.</li>
 *   <li>{@code java}: netlib's pure-Java BLAS, always available; results agree with the native
 *       libraries to about 1e-15 relative (only the summation order differs).</li>
 * </ul>
 * {@link #description()} says which one was loaded and why the others were not.
 *
 * <p>The bundled OpenBLAS is set to {@value #BUNDLED_THREADS} thread unless the environment sets
 * {@code OPENBLAS_NUM_THREADS}: gfgd's own parallel code (e.g.
 * {@code gfgd.objective.FullyConnected#withBlocks}) runs one single-threaded product per core, and
 * OpenBLAS's threading gains only about 10% on the workload's small shapes. The system library
 * follows {@code OPENBLAS_NUM_THREADS} as usual.
 */
public final class Blas {

    /** The system property naming the BLAS source: {@code bundled}, {@code system} or {@code java}. */
    public static final String PROPERTY = "gfgd.blas";

    /** Threads of the bundled OpenBLAS when {@code OPENBLAS_NUM_THREADS} is not set. */
    public static final int BUNDLED_THREADS = 1;

    private static final String NATIVE_LIB_PATH = "dev.ludovic.netlib.blas.nativeLibPath";

    /**
     * netlib logs a warning on every start when the incubating Vector API is not enabled (it then
     * uses the native or the plain Java BLAS, as intended); only its errors are worth showing. Held
     * here so the configured logger is not garbage-collected.
     */
    private static final Logger NETLIB_LOG = quietNetlib();

    /** Whether JavaCPP loaded its OpenBLAS into the process (then no other may be loaded). */
    private static volatile boolean bundledLoaded;

    private static final Blas CHOSEN = choose(System.getProperty(PROPERTY, "bundled"));

    /** Package-private, as {@link #choose}, so that the selection can be tested within one JVM. */
    final BLAS blas;
    final String description;

    private Blas(BLAS blas, String description) {
        this.blas = blas;
        this.description = description;
    }

    /** The chosen BLAS (loaded on first use). */
    public static BLAS instance() {
        return CHOSEN.blas;
    }

    /**
     * Which BLAS was loaded, e.g. {@code "bundled OpenBLAS 0.3.31 from JavaCPP, 1 thread"},
     * {@code "system libblas.so.3"} or {@code "pure Java (bundled: ...; system: ...)"}.
     */
    public static String description() {
        return CHOSEN.description;
    }

    private static Logger quietNetlib() {
        Logger log = Logger.getLogger("dev.ludovic.netlib");
        log.setLevel(Level.SEVERE);
        return log;
    }

    /**
     * The BLAS that {@code source} (a value of {@value #PROPERTY}) selects, loading it if need be; the
     * class's own choice is {@code choose(System.getProperty(PROPERTY, "bundled"))}, made once.
     */
    static Blas choose(String source) {
        List<String> failures = new ArrayList<>();
        switch (source.trim().toLowerCase(Locale.ROOT)) {
            case "bundled": {
                Blas b = bundled(failures);
                if (b != null) {
                    return b;
                }
                if (bundledLoaded) {
                    // a second OpenBLAS in the same process would resolve symbols of the first: crash
                    break;
                }
                // fall through to the system library
            }
            case "system": {
                Blas b = system(failures);
                if (b != null) {
                    return b;
                }
                break;
            }
            case "java":
                return new Blas(JavaBLAS.getInstance(), "pure Java");
            default:
                throw new IllegalArgumentException("system property " + PROPERTY
                        + " must be bundled, system or java, got '" + source + "'");
        }
        NETLIB_LOG.fine(() -> "no native BLAS: " + failures);
        return new Blas(JavaBLAS.getInstance(), "pure Java (" + String.join("; ", failures) + ")");
    }

    private static Blas bundled(List<String> failures) {
        if (System.getProperty(NATIVE_LIB_PATH) != null) {
            failures.add("bundled: not tried, " + NATIVE_LIB_PATH + " is set");
            return null;
        }
        String path;
        try {
            path = BundledOpenBlas.load();
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, IOException wrapped by JavaCPP
            failures.add("bundled: " + e);
            return null;
        }
        System.setProperty(NATIVE_LIB_PATH, path);
        BLAS b = nativeOrNull(failures, "bundled");
        if (b == null) {
            System.clearProperty(NATIVE_LIB_PATH);
            return null;
        }
        return new Blas(b, "bundled " + BundledOpenBlas.describe());
    }

    private static Blas system(List<String> failures) {
        BLAS b = nativeOrNull(failures, "system");
        if (b == null) {
            return null;
        }
        String path = System.getProperty(NATIVE_LIB_PATH);
        String name = path != null ? path : System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
        return new Blas(b, "system " + name);
    }

    /** netlib's JNI BLAS, or null (reason added to {@code failures}); netlib tries to load it once per JVM. */
    private static BLAS nativeOrNull(List<String> failures, String what) {
        try {
            return NativeBLAS.getInstance();
        } catch (Throwable e) { // netlib throws RuntimeException or an Error from the JNI loader
            failures.add(what + ": " + e);
            return null;
        }
    }

    /** The JavaCPP side, in its own class so that a missing JavaCPP jar fails only here. */
    static final class BundledOpenBlas {

        static String load() {
            org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
            bundledLoaded = true;
            String env = System.getenv("OPENBLAS_NUM_THREADS");
            if (env == null || env.isBlank()) {
                org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(BUNDLED_THREADS);
            }
            for (Map.Entry<String, String> e : org.bytedeco.javacpp.Loader.getLoadedLibraries().entrySet()) {
                String p = e.getValue();
                if (p != null && p.matches(".*[/\\\\]libopenblas(_nolapack)?\\.(so\\.0|0\\.dylib|dylib|so)$")) {
                    return p;
                }
            }
            throw new IllegalStateException("JavaCPP loaded no libopenblas: "
                    + org.bytedeco.javacpp.Loader.getLoadedLibraries());
        }

        static String describe() {
            int threads = org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads();
            return org.bytedeco.openblas.global.openblas_nolapack.OPENBLAS_VERSION.trim()
                    + " from JavaCPP, " + threads
                    + (threads == 1 ? " thread" : " threads");
        }
    }
}

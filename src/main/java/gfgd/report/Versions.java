package gfgd.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What produced a piece of evidence: Java, apfloat, EJML, Hipparchus and gfgd versions, and the git
 * commit of the working directory when git is there ("unknown" otherwise). Computed once per JVM, so
 * the same commit gives the same evidence.
 */
public final class Versions {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final long GIT_TIMEOUT_SECONDS = 5;
    private static Map<String, String> current;

    private Versions() {
    }

    /** {@code java, apfloat, ejml, hipparchus, gfgd, git}, in that order. */
    public static synchronized Map<String, String> current() {
        if (current == null) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("java", System.getProperty("java.version", "unknown"));
            m.put("apfloat", pomVersion("org.apfloat", "apfloat"));
            m.put("ejml", org.ejml.EjmlVersion.VERSION);
            m.put("hipparchus", pomVersion("org.hipparchus", "hipparchus-ode"));
            m.put("gfgd", gfgdVersion());
            m.put("git", gitCommit());
            current = java.util.Collections.unmodifiableMap(m);
        }
        return current;
    }

    private static String gfgdVersion() {
        String v = Versions.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        String p = pomVersion("gfgd", "gfgd");
        return p.equals("unknown") ? "dev" : p;
    }

    private static String pomVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code git rev-parse HEAD} in the working directory, or "unknown". */
    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroy();
                return "unknown";
            }
            return p.exitValue() == 0 && SHA.matcher(out).matches() ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}

package gfgd.objective;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.DoubleUnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * The bundled image files ({@link Digits}, {@link Mnist}): a class-path resource, optionally gzip
 * compressed, whose CSV text (header {@code p0,...,label}, one image per line, pixels then the class) is
 * checked against its sha256 before it is parsed into inputs and one-hot targets.
 */
final class LabelledImages {

    /**
     * The layout of one file.
     *
     * @param file    the file's name in messages
     * @param samples lines after the header
     * @param pixels  pixel columns
     * @param classes number of classes (the last column is the class, 0..classes-1)
     * @param pixel   maps the decimal pixel value to the input
     */
    record Layout(String file, int samples, int pixels, int classes, DoubleUnaryOperator pixel) {
    }

    private LabelledImages() {
    }

    /** The bytes of class-path resource {@code path}, decompressed when {@code gzip}. */
    static byte[] resource(String path, boolean gzip) {
        try (InputStream raw = LabelledImages.class.getResourceAsStream(path)) {
            if (raw == null) {
                throw new IllegalStateException("resource " + path + " is missing from the class path");
            }
            if (!gzip) {
                return raw.readAllBytes();
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }

    /** Checks the sha256 of {@code bytes} against {@code expectedSha256}, then parses the CSV as {@code layout} says. */
    static Dataset parse(byte[] bytes, String expectedSha256, Layout layout, String name) {
        String actual = sha256(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new IllegalStateException(layout.file() + " has sha256 " + actual + ", expected " + expectedSha256
                    + " (the bundled file is corrupt or was changed)");
        }
        String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n");
        if (lines.length != layout.samples() + 1 || !lines[0].startsWith("p0,") || !lines[0].endsWith(",label")) {
            throw new IllegalStateException(layout.file() + ": unexpected layout (" + lines.length + " lines)");
        }
        int pixels = layout.pixels();
        int classes = layout.classes();
        double[] x = new double[layout.samples() * pixels];
        double[] y = new double[layout.samples() * classes];
        for (int i = 0; i < layout.samples(); i++) {
            String[] f = lines[i + 1].split(",");
            if (f.length != pixels + 1) {
                throw new IllegalStateException(layout.file() + " line " + (i + 2) + " has " + f.length
                        + " fields, expected " + (pixels + 1));
            }
            for (int p = 0; p < pixels; p++) {
                x[i * pixels + p] = layout.pixel().applyAsDouble(Double.parseDouble(f[p]));
            }
            y[i * classes + Integer.parseInt(f[pixels])] = 1.0;
        }
        return Dataset.of(name, layout.samples(), pixels, classes, x, y);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

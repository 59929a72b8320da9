package gfgd.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apfloat.Apfloat;

/**
 * A dense row-major matrix of arbitrary-precision decimals. Created and operated on through
 * {@link ApfloatArithmetic}; the entry arrays are owned by the matrix.
 *
 * <p>Each entry is held as a {@link BigDecimal} rounded to the working digits (what the matrix
 * operations of {@link ApfloatArithmetic} compute with), as an {@link Apfloat} (what {@link #get}
 * returns), or both; the missing form is made on first use and kept. The two forms of an entry hold
 * the same number to the working digits. An entry whose decimal exponent is outside BigDecimal's range
 * (about {@code 10^(+-2.1e9)}) has only the apfloat form ({@link #decimal} throws
 * {@link NumberFormatException} for it), and operations on it fall back to apfloat.
 */
public final class ApMatrix {

    final int rows;
    final int cols;
    /** Rounding of the decimal form: the working digits, half-even. */
    final MathContext mc;
    /** Decimal form of each entry, or {@code null} until first needed. */
    final BigDecimal[] dec;
    /** Apfloat form of each entry, or {@code null} until first needed. */
    final Apfloat[] ap;

    ApMatrix(int rows, int cols, MathContext mc, BigDecimal[] dec, Apfloat[] ap) {
        this.rows = rows;
        this.cols = cols;
        this.mc = mc;
        this.dec = dec;
        this.ap = ap;
    }

    /** A matrix whose entries are all still to be set (by {@link #setDecimal} or {@link #setApfloat}). */
    static ApMatrix empty(int rows, int cols, MathContext mc) {
        return new ApMatrix(rows, cols, mc, new BigDecimal[rows * cols], new Apfloat[rows * cols]);
    }

    /** A matrix whose entries are given in decimal form (already rounded to {@code mc}). */
    static ApMatrix ofDecimals(int rows, int cols, MathContext mc, BigDecimal[] dec) {
        return new ApMatrix(rows, cols, mc, dec, new Apfloat[dec.length]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Entry (i, j). */
    public Apfloat get(int i, int j) {
        return apfloat(i * cols + j);
    }

    /** Entry {@code k} (row-major) in decimal form. */
    BigDecimal decimal(int k) {
        BigDecimal v = dec[k];
        if (v == null) {
            v = toDecimal(ap[k], mc);
            dec[k] = v;
        }
        return v;
    }

    /** Entry {@code k} (row-major) as an apfloat. */
    Apfloat apfloat(int k) {
        Apfloat v = ap[k];
        if (v == null) {
            v = toApfloat(dec[k], mc.getPrecision());
            ap[k] = v;
        }
        return v;
    }

    /** Sets entry {@code k} from a decimal already rounded to {@code mc}. */
    void setDecimal(int k, BigDecimal v) {
        dec[k] = v;
        ap[k] = null;
    }

    /** Sets entry {@code k} from an apfloat already at the working precision. */
    void setApfloat(int k, Apfloat v) {
        ap[k] = v;
        dec[k] = null;
    }

    /** Copies entry {@code from} of {@code src} (both forms) to entry {@code to} of this matrix. */
    void copyEntry(ApMatrix src, int from, int to) {
        dec[to] = src.dec[from];
        ap[to] = src.ap[from];
    }

    int size() {
        return dec.length;
    }

    /** The apfloat's decimal digits (as many as its precision), rounded to {@code mc}. */
    static BigDecimal toDecimal(Apfloat x, MathContext mc) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(x.toString(false)).round(mc);
    }

    /** The decimal as an apfloat of the given precision (exact: the decimal has at most that many digits). */
    static Apfloat toApfloat(BigDecimal d, long precision) {
        return d.signum() == 0 ? new Apfloat(0, precision) : new Apfloat(d, precision);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ApMatrix ").append(rows).append('x').append(cols).append(" [");
        for (int k = 0; k < dec.length; k++) {
            sb.append(k == 0 ? "" : (k % cols == 0 ? "; " : ", ")).append(apfloat(k).toString(false));
        }
        return sb.append(']').toString();
    }
}

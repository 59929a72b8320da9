package gfgd.taylor;

import gfgd.numeric.ApfloatArithmetic;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apfloat.Apfloat;

/**
 * The {@link TaylorKernel} of a {@link TaylorProgram} in apfloat: the coefficient propagation runs on binary
 * floating-point numbers {@code m 2^e} ({@link BigInteger} mantissa of exactly {@code P} bits or zero,
 * {@code long} exponent), {@code P = ceil(w log2 10) + 1} for {@code w} working digits, so the unit
 * roundoff {@code 2^-P} is below the arithmetic's {@code 10^-(w-1)}. Every result is computed exactly
 * and rounded once to nearest (ties to even). A Cauchy product {@code sum_i u_i v_{k-i}} (the hot loop)
 * works on the factors' limb forms ({@code L} signed limbs of {@code B} bits, exponent a multiple of
 * {@code B}): the limb products of all terms are added into 64-bit columns without carrying, keeping
 * columns down to {@code 3P} bits below the largest term (like the {@code 3w}-digit accumulation of
 * {@link ApfloatArithmetic}'s matrix kernels), then one carry pass and one rounding. Apfloats are
 * converted (each correctly rounded) only at the boundaries: the state in, the constants of the program,
 * the state and the samples out. This avoids apfloat's several objects per scalar operation and
 * BigDecimal's decimal alignments (powers of ten).
 *
 * <p>Exponent arithmetic is checked ({@link Math#addExact}); an {@link ArithmeticException} from the
 * constructor, {@link #coefficients} or {@link #advance} tells the caller to continue in apfloat.
 */
final class BinaryTaylorKernel implements TaylorKernel<Apfloat> {

    private static final BigInteger FIVE = BigInteger.valueOf(5);

    /** Exponents up to this size are converted to apfloat through an exact BigDecimal. */
    private static final int EXACT_CONVERSION_EXPONENT = 1 << 16;

    private final ApfloatArithmetic a;
    private final int p;
    private final long working;
    private final MathContext mc;
    private final int d;
    private final int order;
    private final int[] op;
    private final int[] arg1;
    private final int[] arg2;
    private final int[] outSlot;
    /** Constants of MULC/ADDC nodes (per slot) and of constant outputs (per input), in binary. */
    private final BigInteger[] constM;
    private final long[] constE;
    private final BigInteger[] outM;
    private final long[] outE;
    /** 1/(k+1), k = 0..K. */
    private final BigInteger[] invM;
    private final long[] invE;
    /** Coefficients c[slot][k] = cm[slot][k] 2^ce[slot][k]. */
    private final BigInteger[][] cm;
    private final long[][] ce;
    /**
     * Limb form of the coefficients that enter products: {@code c = sum_j limb[j] 2^(B (E + j))}, limbs of
     * {@code B} bits carrying the coefficient's sign, {@code E} a limb exponent; exact (the mantissa shifted
     * so its exponent is a multiple of {@code B}). {@code null} for slots that enter no product.
     */
    private final long[][][] limbs;
    private final long[][] limbE;
    /**
     * Limb bits {@code B}, limbs per coefficient {@code L}, the Cauchy window in limbs ({@code 3P} bits and
     * four limbs: the columns dropped below it sum to less than {@code 2^-3P} of the largest term), and
     * the accumulator.
     */
    private final int limbBits;
    private final int limbCount;
    private final int window;
    private final long[] acc;
    /** Result registers of the scalar kernels. */
    private BigInteger rm;
    private long re;

    /**
     * A kernel for the compiled {@link TaylorProgram}; {@code constant[s]} for MULC/ADDC slots and
     * {@code outConstant[i]} for constant outputs are apfloats (not modified).
     *
     * @throws NumberFormatException if a constant's exponent is outside BigDecimal's range
     */
    BinaryTaylorKernel(ApfloatArithmetic a, int d, int order, int[] op, int[] arg1, int[] arg2, Object[] constant,
                       int[] outSlot, Object[] outConstant) {
        this.a = a;
        this.working = a.precision().workingDigits();
        this.p = bitsFor(working);
        this.mc = new MathContext(Math.toIntExact(working), RoundingMode.HALF_EVEN);
        this.d = d;
        this.order = order;
        this.op = op;
        this.arg1 = arg1;
        this.arg2 = arg2;
        this.outSlot = outSlot;
        int slots = op.length;
        constM = new BigInteger[slots];
        constE = new long[slots];
        for (int s = 0; s < slots; s++) {
            if (constant[s] != null) {
                fromApfloat((Apfloat) constant[s]);
                constM[s] = rm;
                constE[s] = re;
            }
        }
        outM = new BigInteger[d];
        outE = new long[d];
        for (int i = 0; i < d; i++) {
            if (outSlot[i] < 0) {
                fromApfloat((Apfloat) outConstant[i]);
                outM[i] = rm;
                outE[i] = re;
            }
        }
        int kmax = order + 1;
        invM = new BigInteger[kmax + 1];
        invE = new long[kmax + 1];
        for (int k = 0; k <= kmax; k++) {
            divide(BigInteger.ONE, 0, k + 1);
            invM[k] = rm;
            invE[k] = re;
        }
        cm = new BigInteger[slots][kmax + 1];
        ce = new long[slots][kmax + 1];
        limbBits = limbBitsFor(p, kmax + 1);
        if (limbBits == 0) {
            throw new ArithmeticException("no limb size keeps a Cauchy product of " + (kmax + 1)
                    + " terms of " + p + " bits below 2^62 per column");
        }
        limbCount = (p + 2 * limbBits - 2) / limbBits;
        window = (3 * p + limbBits - 1) / limbBits + 4;
        acc = new long[window + 2 * limbCount + 6];
        limbs = new long[slots][][];
        limbE = new long[slots][];
        for (int s = d; s < slots; s++) {
            if (op[s] == TracingArithmetic.MUL) {
                for (int x : new int[] {arg1[s], arg2[s]}) {
                    if (limbs[x] == null) {
                        limbs[x] = new long[kmax + 1][limbCount];
                        limbE[x] = new long[kmax + 1];
                    }
                }
            }
        }
    }

    /**
     * The largest limb size {@code B <= 30} for which a Cauchy product of {@code terms} terms, accumulated
     * without carries, cannot overflow: {@code terms L 2^(2B) <= 2^62} with {@code L = ceil((P + B - 1) / B)}
     * limbs; 0 if none {@code >= 16} does (only for series of about 2^30 terms).
     */
    static int limbBitsFor(int p, int terms) {
        for (int b = 30; b >= 16; b--) {
            int l = (p + 2 * b - 2) / b;
            if (Math.log((double) terms * l) / Math.log(2) + 2 * b <= 62) {
                return b;
            }
        }
        return 0;
    }

    /** {@code P = ceil(w log2 10) + 1}: binary digits at least as fine as {@code w} decimal digits. */
    static int bitsFor(long workingDigits) {
        return Math.toIntExact((long) Math.ceil(workingDigits * Math.log(10) / Math.log(2)) + 1);
    }

    @Override
    public void load(int i, Apfloat value) {
        fromApfloat(value);
        cm[i][0] = rm;
        ce[i][0] = re;
    }

    @Override
    public void coefficients() {
        int slots = op.length;
        int kmax = order + 1;
        for (int i = 0; i < d; i++) {
            storeLimbs(i, 0);
        }
        for (int k = 0; k < kmax; k++) {
            for (int s = d; s < slots; s++) {
                BigInteger[] m = cm[s];
                long[] e = ce[s];
                int x = arg1[s];
                switch (op[s]) {
                    case TracingArithmetic.ADD -> add(cm[x][k], ce[x][k], cm[arg2[s]][k], ce[arg2[s]][k]);
                    case TracingArithmetic.SUB -> add(cm[x][k], ce[x][k], cm[arg2[s]][k].negate(), ce[arg2[s]][k]);
                    case TracingArithmetic.NEG -> {
                        rm = cm[x][k].negate();
                        re = ce[x][k];
                    }
                    case TracingArithmetic.MULC -> multiply(constM[s], constE[s], cm[x][k], ce[x][k]);
                    case TracingArithmetic.ADDC -> {
                        if (k == 0) {
                            add(cm[x][0], ce[x][0], constM[s], constE[s]);
                        } else {
                            rm = cm[x][k];
                            re = ce[x][k];
                        }
                    }
                    case TracingArithmetic.MUL -> {
                        int y = arg2[s];
                        cauchy(cm[x], limbs[x], limbE[x], cm[y], limbs[y], limbE[y], k);
                    }
                    default -> throw new IllegalStateException("unknown tape operation " + op[s]);
                }
                m[k] = rm;
                e[k] = re;
                storeLimbs(s, k);
            }
            for (int i = 0; i < d; i++) {
                int o = outSlot[i];
                if (o >= 0) {
                    multiply(cm[o][k], ce[o][k], invM[k], invE[k]);
                } else if (k == 0) {
                    multiply(outM[i], outE[i], invM[0], invE[0]);
                } else {
                    rm = BigInteger.ZERO;
                    re = 0;
                }
                cm[i][k + 1] = rm;
                ce[i][k + 1] = re;
                storeLimbs(i, k + 1);
            }
        }
    }

    @Override
    public double magnitude(int i, int j) {
        return Math.abs(toDouble(cm[i][j], ce[i][j]));
    }

    @Override
    public Apfloat[] evaluate(Apfloat s) {
        fromApfloat(s);
        BigInteger sm = rm;
        long se = re;
        Apfloat[] y = new Apfloat[d];
        for (int i = 0; i < d; i++) {
            horner(i, sm, se);
            y[i] = toApfloat(rm, re);
        }
        return y;
    }

    @Override
    public void advance(Apfloat s) {
        fromApfloat(s);
        BigInteger sm = rm;
        long se = re;
        BigInteger[] xm = new BigInteger[d];
        long[] xe = new long[d];
        for (int i = 0; i < d; i++) {
            horner(i, sm, se);
            xm[i] = rm;
            xe[i] = re;
        }
        for (int i = 0; i < d; i++) {
            cm[i][0] = xm[i];
            ce[i][0] = xe[i];
        }
    }

    @Override
    public double[] stateDoubles() {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = toDouble(cm[i][0], ce[i][0]);
        }
        return v;
    }

    @Override
    public Apfloat[] state() {
        Apfloat[] y = new Apfloat[d];
        for (int i = 0; i < d; i++) {
            y[i] = toApfloat(cm[i][0], ce[i][0]);
        }
        return y;
    }

    /** {@code sum_{j=0..K} c_j s^j} of input {@code i}, each step {@code acc s + c_j} exact and rounded once. */
    private void horner(int i, BigInteger sm, long se) {
        BigInteger accM = cm[i][order];
        long accE = ce[i][order];
        for (int j = order - 1; j >= 0; j--) {
            BigInteger pm = accM.multiply(sm);
            long pe = Math.addExact(accE, se);
            sum(pm, pe, cm[i][j], ce[i][j]);
            accM = rm;
            accE = re;
        }
        rm = accM;
        re = accE;
    }

    // ------------------------------------------------------------------ scalar kernels (result in rm, re)

    /** {@code x + y} rounded once. */
    private void add(BigInteger xm, long xe, BigInteger ym, long ye) {
        sum(xm, xe, ym, ye);
    }

    /** {@code x y} rounded once. */
    private void multiply(BigInteger xm, long xe, BigInteger ym, long ye) {
        if (xm.signum() == 0 || ym.signum() == 0) {
            rm = BigInteger.ZERO;
            re = 0;
            return;
        }
        round(xm.multiply(ym), Math.addExact(xe, ye));
    }

    /**
     * {@code x + y} for mantissas of any length, rounded once: exact when the exponents are within
     * {@code 3P} bits of the larger operand's top; otherwise the smaller operand is truncated to that
     * range (an error below {@code 2^-3P} of the larger).
     */
    private void sum(BigInteger xm, long xe, BigInteger ym, long ye) {
        if (ym.signum() == 0) {
            round(xm, xe);
            return;
        }
        if (xm.signum() == 0) {
            round(ym, ye);
            return;
        }
        long top = Math.max(Math.addExact(xe, xm.bitLength()), Math.addExact(ye, ym.bitLength()));
        long base = Math.max(Math.min(xe, ye), top - 3L * p);
        round(align(xm, xe, base).add(align(ym, ye, base)), base);
    }

    /** Sets the limb form of {@code c[slot][k]} if the slot enters products. */
    private void storeLimbs(int slot, int k) {
        if (limbs[slot] != null) {
            limbE[slot][k] = toLimbs(cm[slot][k], ce[slot][k], limbs[slot][k]);
        }
    }

    /**
     * Writes {@code m 2^e} exactly as {@code L} signed limbs of {@code B} bits into {@code out} (low limb first)
     * and returns the limb exponent {@code E}: {@code m 2^e = sum_j out[j] 2^(B (E + j))}.
     */
    private long toLimbs(BigInteger m, long e, long[] out) {
        java.util.Arrays.fill(out, 0);
        if (m.signum() == 0) {
            return 0;
        }
        int r = (int) Math.floorMod(e, (long) limbBits);
        BigInteger mag = m.abs();
        byte[] bytes = (r == 0 ? mag : mag.shiftLeft(r)).toByteArray();
        long mask = (1L << limbBits) - 1;
        long buf = 0;
        int bits = 0;
        int j = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            buf |= (bytes[i] & 0xFFL) << bits;
            bits += 8;
            if (bits >= limbBits) {
                if (j < limbCount) {
                    out[j++] = buf & mask;
                } else if ((buf & mask) != 0) {
                    throw new IllegalStateException("mantissa wider than " + limbCount + " limbs");
                }
                buf >>>= limbBits;
                bits -= limbBits;
            }
        }
        if (bits > 0 && j < limbCount) {
            out[j] = buf & mask;
        }
        if (m.signum() < 0) {
            for (int i = 0; i < limbCount; i++) {
                out[i] = -out[i];
            }
        }
        return Math.floorDiv(e, (long) limbBits);
    }

    /**
     * {@code (u v)_k} on the limb forms: the limb products of every non-zero term are added into one
     * accumulator without carrying (signed 64-bit columns; {@link #limbBitsFor} rules out overflow), from
     * {@code window} limbs below the largest term's top, then the carries are propagated and the sum rounded
     * once. Columns below the window are dropped (less than {@code 2^-3P} of the largest term in all).
     */
    private void cauchy(BigInteger[] um, long[][] ul, long[] uE, BigInteger[] vm, long[][] vl, long[] vE, int k) {
        long minS = Long.MAX_VALUE;
        long maxS = Long.MIN_VALUE;
        for (int i = 0; i <= k; i++) {
            if (um[i].signum() != 0 && vm[k - i].signum() != 0) {
                long sum = Math.addExact(uE[i], vE[k - i]);
                minS = Math.min(minS, sum);
                maxS = Math.max(maxS, sum);
            }
        }
        if (minS == Long.MAX_VALUE) {
            rm = BigInteger.ZERO;
            re = 0;
            return;
        }
        int len = limbCount;
        long base = Math.max(minS, maxS + 2L * len - window);
        // columns 0 .. maxS - base + 2L - 2 receive products; four more hold the carries of the sum
        int used = (int) (maxS - base) + 2 * len + 3;
        java.util.Arrays.fill(acc, 0, used, 0);
        for (int i = 0; i <= k; i++) {
            if (um[i].signum() == 0 || vm[k - i].signum() == 0) {
                continue;
            }
            long[] x = ul[i];
            long[] y = vl[k - i];
            long offset = uE[i] + vE[k - i] - base;
            if (offset <= -2L * len) {
                continue;
            }
            int off = (int) offset;
            if (off >= 0) {
                for (int a = 0; a < len; a++) {
                    long xa = x[a];
                    if (xa != 0) {
                        int o = off + a;
                        for (int b = 0; b < len; b++) {
                            acc[o + b] += xa * y[b];
                        }
                    }
                }
            } else {
                for (int a = 0; a < len; a++) {
                    long xa = x[a];
                    for (int b = Math.max(0, -off - a); b < len; b++) {
                        acc[off + a + b] += xa * y[b];
                    }
                }
            }
        }
        roundLimbs(acc, used, Math.multiplyExact(base, (long) limbBits));
    }

    /**
     * {@code sum_{j < n} columns[j] 2^(B j + e)} of uncarried signed columns (the top columns must leave
     * room for the carries) rounded to nearest, ties to even, to {@code P} bits (into rm, re), the mantissa
     * read straight from the limbs. Overwrites the columns.
     */
    private void roundLimbs(long[] columns, int n, long e) {
        int sign = carry(columns, n);
        int top = n - 1;
        while (top >= 0 && columns[top] == 0) {
            top--;
        }
        if (top < 0) {
            rm = BigInteger.ZERO;
            re = 0;
            return;
        }
        int b = limbBits;
        int s = top * b + (64 - Long.numberOfLeadingZeros(columns[top])) - p;
        if (s <= 0) {
            BigInteger m = pack(columns, top + 1);
            round(sign < 0 ? m.negate() : m, e);
            return;
        }
        // the P bits from bit s up, low byte last
        byte[] bytes = new byte[(p + 7) / 8];
        int j = s / b;
        long buf = columns[j] >>> (s % b);
        int bits = b - s % b;
        j++;
        int pos = bytes.length - 1;
        for (int remaining = p; remaining > 0; ) {
            while (bits < 8 && j <= top) {
                buf |= columns[j] << bits;
                bits += b;
                j++;
            }
            int take = Math.min(8, remaining);
            bytes[pos--] = (byte) (buf & ((1L << take) - 1));
            buf >>>= take;
            bits -= take;
            remaining -= take;
        }
        int h = s - 1;
        boolean half = ((columns[h / b] >>> (h % b)) & 1) != 0;
        boolean roundUp = false;
        if (half) {
            boolean odd = ((columns[s / b] >>> (s % b)) & 1) != 0;
            boolean sticky = (columns[h / b] & ((1L << (h % b)) - 1)) != 0;
            for (int i = h / b - 1; i >= 0 && !sticky; i--) {
                sticky = columns[i] != 0;
            }
            roundUp = odd || sticky;
        }
        BigInteger q = new BigInteger(sign, bytes);
        if (roundUp) {
            q = sign < 0 ? q.subtract(BigInteger.ONE) : q.add(BigInteger.ONE);
            if (q.abs().bitLength() > p) {
                q = q.shiftRight(1);
                s++;
            }
        }
        rm = q;
        re = Math.addExact(e, s);
    }

    /**
     * Propagates the carries of {@code n} signed columns so each holds {@code B} bits, and replaces a
     * negative total by its magnitude. Returns the sign (1 or -1).
     */
    private int carry(long[] columns, int n) {
        long mask = (1L << limbBits) - 1;
        long carry = 0;
        for (int j = 0; j < n; j++) {
            long v = columns[j] + carry;
            columns[j] = v & mask;
            carry = v >> limbBits;
        }
        if (carry >= 0) {
            return 1;
        }
        // two's complement over n limbs: negate to get the magnitude
        long borrow = 0;
        for (int j = 0; j < n; j++) {
            long v = -columns[j] - borrow;
            columns[j] = v & mask;
            borrow = v < 0 ? 1 : 0;
        }
        return -1;
    }

    /** The non-negative integer {@code sum_{j < n} columns[j] 2^(B j)} of carried columns. */
    private BigInteger pack(long[] columns, int n) {
        byte[] bytes = new byte[(n * limbBits + 7) / 8 + 1];
        long buf = 0;
        int bits = 0;
        int pos = bytes.length - 1;
        for (int j = 0; j < n; j++) {
            buf |= columns[j] << bits;
            bits += limbBits;
            while (bits >= 8) {
                bytes[pos--] = (byte) buf;
                buf >>>= 8;
                bits -= 8;
            }
        }
        while (bits > 0) {
            bytes[pos--] = (byte) buf;
            buf >>>= 8;
            bits -= 8;
        }
        return new BigInteger(1, bytes);
    }

    /** {@code m 2^e} as a mantissa at exponent {@code base} (exact if {@code e >= base}, else floored). */
    private static BigInteger align(BigInteger m, long e, long base) {
        long shift = e - base;
        if (shift == 0) {
            return m;
        }
        if (shift > 0) {
            return m.shiftLeft(Math.toIntExact(shift));
        }
        return -shift >= Integer.MAX_VALUE ? (m.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO)
                : m.shiftRight((int) -shift);
    }

    /** {@code n / q} rounded once, {@code q > 0} a small integer. */
    private void divide(BigInteger n, long e, int q) {
        int shift = 2 * p + 2;
        BigInteger[] qr = n.shiftLeft(shift).divideAndRemainder(BigInteger.valueOf(q));
        BigInteger m = qr[0].shiftLeft(1);
        if (qr[1].signum() != 0) {
            m = m.add(BigInteger.valueOf(qr[1].signum()));
        }
        round(m, e - shift - 1);
    }

    /** {@code m 2^e} rounded to nearest (ties to even) to {@code P} bits, normalised to exactly {@code P} bits. */
    private void round(BigInteger m, long e) {
        int sign = m.signum();
        if (sign == 0) {
            rm = BigInteger.ZERO;
            re = 0;
            return;
        }
        BigInteger mag = sign < 0 ? m.negate() : m;
        int s = mag.bitLength() - p;
        if (s <= 0) {
            rm = s == 0 ? m : m.shiftLeft(-s);
            re = Math.addExact(e, s);
            return;
        }
        BigInteger q = mag.shiftRight(s);
        if (mag.testBit(s - 1) && (q.testBit(0) || mag.getLowestSetBit() < s - 1)) {
            q = q.add(BigInteger.ONE);
            if (q.bitLength() > p) {
                q = q.shiftRight(1);
                s++;
            }
        }
        rm = sign < 0 ? q.negate() : q;
        re = Math.addExact(e, s);
    }

    // ------------------------------------------------------------------ conversions

    /**
     * The apfloat correctly rounded to {@code P} bits (into rm, re).
     *
     * @throws NumberFormatException if its exponent is outside BigDecimal's range
     */
    private void fromApfloat(Apfloat x) {
        if (x.signum() == 0) {
            rm = BigInteger.ZERO;
            re = 0;
            return;
        }
        fromDecimal(new BigDecimal(x.toString(false)));
    }

    /** The decimal correctly rounded to {@code P} bits (into rm, re). */
    private void fromDecimal(BigDecimal x) {
        if (x.signum() == 0) {
            rm = BigInteger.ZERO;
            re = 0;
            return;
        }
        BigInteger u = x.unscaledValue();
        int scale = x.scale();
        if (scale <= 0) {
            round(u.multiply(BigInteger.TEN.pow(-scale)), 0);
            return;
        }
        BigInteger den = BigInteger.TEN.pow(scale);
        BigInteger mag = u.abs();
        int shift = Math.max(0, p + 2 + den.bitLength() - mag.bitLength());
        BigInteger[] qr = mag.shiftLeft(shift).divideAndRemainder(den);
        BigInteger m = qr[0].shiftLeft(1);
        if (qr[1].signum() != 0) {
            m = m.add(BigInteger.ONE);
        }
        round(u.signum() < 0 ? m.negate() : m, -(long) shift - 1);
    }

    /** {@code m 2^e} rounded once (half-even) to the working digits. */
    Apfloat toApfloat(BigInteger m, long e) {
        if (m.signum() == 0) {
            return a.zero();
        }
        if (Math.abs(e) <= EXACT_CONVERSION_EXPONENT) {
            return new Apfloat(toDecimal(m, e).round(mc), working);
        }
        return a.mul(new Apfloat(new BigDecimal(m, mc), working), a.helper().pow(new Apfloat(2, working), e));
    }

    /** {@code m 2^e} exactly, for {@code |e| <= 2^16}. */
    static BigDecimal toDecimal(BigInteger m, long e) {
        if (e >= 0) {
            return new BigDecimal(m.shiftLeft((int) e));
        }
        return new BigDecimal(m.multiply(FIVE.pow((int) -e)), (int) -e);
    }

    private static double toDouble(BigInteger m, long e) {
        if (m.signum() == 0) {
            return 0;
        }
        int len = m.bitLength();
        double top = m.shiftRight(Math.max(0, len - 64)).doubleValue();
        long scale = e + Math.max(0, len - 64);
        return Math.scalb(top, (int) Math.max(-100_000, Math.min(100_000, scale)));
    }

    // ------------------------------------------------------------------ test access (package)

    /** The binary digits {@code P}. */
    int precisionBits() {
        return p;
    }

    /** {@code x} rounded to {@code P} bits, exactly as a decimal. */
    BigDecimal roundToBinary(BigDecimal x) {
        fromDecimal(x);
        return toDecimal(rm, re);
    }

    /**
     * {@code (u v)_k} of two decimal series by this kernel's Cauchy product (the entries first rounded to
     * {@code P} bits), the result exactly as a decimal.
     */
    BigDecimal cauchy(BigDecimal[] u, BigDecimal[] v, int k) {
        BigInteger[] um = new BigInteger[k + 1];
        long[] ue = new long[k + 1];
        BigInteger[] vm = new BigInteger[k + 1];
        long[] ve = new long[k + 1];
        for (int i = 0; i <= k; i++) {
            fromDecimal(u[i]);
            um[i] = rm;
            ue[i] = re;
            fromDecimal(v[i]);
            vm[i] = rm;
            ve[i] = re;
        }
        long[][] ul = new long[k + 1][limbCount];
        long[][] vl = new long[k + 1][limbCount];
        long[] uE = new long[k + 1];
        long[] vE = new long[k + 1];
        for (int i = 0; i <= k; i++) {
            uE[i] = toLimbs(um[i], ue[i], ul[i]);
            vE[i] = toLimbs(vm[i], ve[i], vl[i]);
        }
        cauchy(um, ul, uE, vm, vl, vE, k);
        return toDecimal(rm, re);
    }

    /** A kernel for the one-input program {@code g(x) = x} (its conversions and scalar kernels are what tests use). */
    static BinaryTaylorKernel identityProgram(ApfloatArithmetic a, int order) {
        return new BinaryTaylorKernel(a, 1, order, new int[] {TracingArithmetic.INPUT}, new int[1], new int[1],
                new Object[1], new int[] {0}, new Object[1]);
    }
}

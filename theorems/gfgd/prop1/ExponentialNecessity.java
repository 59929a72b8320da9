package gfgd.prop1;

/**
 * The predicate of claim {@code prop1}, "an exponentially small step is necessary", on a sweep of
 * thresholds {@code (m t, ln eta*)} of one family. It has two forms, one per family, each of which the
 * family's convex counterpart must fail.
 *
 * <p><b>Closed form (Family A).</b> With {@code y = ln eta* + ln(m^2 t / (2 eps))} (the brief's
 * polynomial prefactor removed), the sweep reaches {@code m t >= }{@link #MIN_MAX_MT}, the least-squares
 * slope of {@code y} against {@code m t} is {@code -1} within {@link #SLOPE_TOLERANCE}, and every residual
 * {@code |y + m t|} is at most {@link #RESIDUAL_TOLERANCE}: {@code eta* = (2 eps / (m^2 t)) e^{-mt} e^{delta}}
 * with {@code |delta| <= 0.01}.
 *
 * <p><b>Bounded flow (Family B).</b> The sweep spans at least {@link #MIN_MT_SPAN} units of {@code m t};
 * over it {@code ln eta* + m t} stays in a band of width at most {@link #BAND_MAX} (so
 * {@code eta* e^{mt}} varies by at most {@code e^3 ~ 20} while {@code e^{mt}} varies by at least
 * {@code e^10}); and GD with about four times {@code eta*} ends at least {@link #ESCAPE_MIN} times
 * {@code eps} from the flow (the threshold is a real failure, not a rounding artefact).
 */
public final class ExponentialNecessity {

    /**
     * Family A's slope tolerance. The residual {@code delta} falls from 6.7e-3 at {@code m t = 1} to
     * 1e-20 at 40, so it tilts the fitted slope by about 3e-5 (measured); 0.01 leaves a factor of 300 while any
     * sub-exponential {@code eta*} (the convex control's {@code eta* ~ 2/m}) has slope near 0.
     */
    public static final double SLOPE_TOLERANCE = 0.01;

    /** Family A's residual bound, the brief's {@code |ln eta* + mt + ln(m^2 t/(2 eps))| <= 1e-2} for {@code mt >= 1}. */
    public static final double RESIDUAL_TOLERANCE = 1e-2;

    /** Family A must reach {@code m t = 40}, where {@code eta* ~ 5e-23} (beyond double's reach). */
    public static final double MIN_MAX_MT = 40;

    /**
     * Family B's band: the linear theory predicts {@code ln eta* + mt = ln(2 eps / int_0^t e^{-ms} c^2 sin^2 phi ds)},
     * which over {@code m t <= 16} (c = 1, phi_0 = pi/2, eps = 0.1) spans [-0.95, 1.17], width 2.1, and
     * grows only like {@code ln m}; 3 leaves 0.9 for the nonlinear and discrete corrections (at most
     * 0.13, measured) and is far below the control's width (about {@code m t} itself, 10 to 14).
     */
    public static final double BAND_MAX = 3;

    /** Family B's sweep must span this many e-folds of {@code m t}, so that a band of width 3 is narrow. */
    public static final double MIN_MT_SPAN = 10;

    /**
     * Family B's escape factor: by the linear theory the distance is proportional to {@code eta}, so
     * about 4 at {@code 4 eta*}; rounding {@code k* / 4} up (k* = 7 gives 3.5 eta*) and the distance's
     * sublinearity at large steps lower it to 2.4 at small {@code m}; 2 still says GD ends twice
     * {@code eps} away.
     */
    public static final double ESCAPE_MIN = 2;

    private ExponentialNecessity() {
    }

    /**
     * The least-squares slope of {@code y} against {@code x}.
     *
     * @throws IllegalArgumentException if the lengths differ, fewer than two points are given, or all
     *                                  {@code x} are equal
     */
    public static double fittedSlope(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need two or more points of equal count, got " + x.length + " x and "
                    + y.length + " y");
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("all abscissae equal " + mx + ": no slope");
        }
        return sxy / sxx;
    }

    /**
     * Family A's figures.
     *
     * @param maxMt       the largest {@code m t} of the sweep
     * @param slope       slope of {@code ln eta* + ln(m^2 t/(2 eps))} against {@code m t}
     * @param maxResidual the largest {@code |ln eta* + mt + ln(m^2 t/(2 eps))|}
     */
    public record ClosedForm(double maxMt, double slope, double maxResidual) {

        /**
         * @param mt          {@code m t} per point
         * @param logEtaStar  {@code ln eta*} per point
         * @param logPrefactor {@code ln(m^2 t / (2 eps))} per point
         */
        public static ClosedForm of(double[] mt, double[] logEtaStar, double[] logPrefactor) {
            double[] y = new double[mt.length];
            double maxMt = Double.NEGATIVE_INFINITY;
            double maxResidual = 0;
            for (int i = 0; i < mt.length; i++) {
                y[i] = logEtaStar[i] + logPrefactor[i];
                maxMt = Math.max(maxMt, mt[i]);
                maxResidual = Math.max(maxResidual, Math.abs(y[i] + mt[i]));
            }
            return new ClosedForm(maxMt, fittedSlope(mt, y), maxResidual);
        }

        /** Whether the closed-form predicate holds. */
        public boolean holds() {
            return maxMt >= MIN_MAX_MT && Math.abs(slope + 1) <= SLOPE_TOLERANCE && maxResidual <= RESIDUAL_TOLERANCE;
        }
    }

    /**
     * Family B's figures.
     *
     * @param bandWidth  {@code max - min} of {@code ln eta* + m t}
     * @param mtSpan     {@code max - min} of {@code m t}
     * @param escapeAt4x the least ratio {@code distance(about 4 eta*) / eps} over the sweep
     * @param slope      slope of {@code ln eta*} against {@code m t} (reported, not required)
     */
    public record Bounded(double bandWidth, double mtSpan, double escapeAt4x, double slope) {

        /**
         * @param mt         {@code m t} per point
         * @param logEtaStar {@code ln eta*} per point
         * @param escape     {@code distance / eps} at about {@code 4 eta*}, per point
         */
        public static Bounded of(double[] mt, double[] logEtaStar, double[] escape) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double mtLo = Double.POSITIVE_INFINITY;
            double mtHi = Double.NEGATIVE_INFINITY;
            double minEscape = Double.POSITIVE_INFINITY;
            for (int i = 0; i < mt.length; i++) {
                double v = logEtaStar[i] + mt[i];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                mtLo = Math.min(mtLo, mt[i]);
                mtHi = Math.max(mtHi, mt[i]);
                minEscape = Math.min(minEscape, escape[i]);
            }
            return new Bounded(hi - lo, mtHi - mtLo, minEscape, fittedSlope(mt, logEtaStar));
        }

        /** Whether the bounded-flow predicate holds. */
        public boolean holds() {
            return mtSpan >= MIN_MT_SPAN && bandWidth <= BAND_MAX && escapeAt4x >= ESCAPE_MIN;
        }
    }
}

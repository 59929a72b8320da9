package gfgd.curvature;

import gfgd.dynamics.DormandPrinceFlow;
import gfgd.dynamics.FlowResult;
import gfgd.dynamics.GridHandler;
import gfgd.dynamics.VectorField;
import gfgd.numeric.Arithmetic;
import gfgd.numeric.Checks;
import gfgd.numeric.DoubleArithmetic;
import gfgd.objective.Objective;
import org.ejml.data.DMatrixRMaj;

/**
 * Gradient flow {@code theta' = -grad f(theta)} run in a rescaled clock {@code s}, carrying the time
 * {@code t} and the curvature integral {@code z(t) = int_0^t lambda_-(theta) dt'} as two extra state
 * components, so that an adaptive solver integrates {@code z} to its own tolerance:
 * <pre>
 *   d theta/ds = -grad f / r,   dt/ds = 1 / r,   dz/ds = min(lambda_min(H(theta)), 0) / r,
 *   r(theta) = ||grad f(theta)|| / ||theta|| + max(lambda_max(H(theta)), 0) + RATE_FLOOR.
 * </pre>
 * The orbit is gradient flow's; only its speed changes. The rate {@code r} is the flow's relative
 * speed plus its stiffness, so a uniform grid in {@code s} resolves both the long plateau near a saddle
 * at the origin (length of order {@code alpha^-(N-2)} for a depth-{@code N} net initialised at scale
 * {@code alpha}, where both terms are of order {@code alpha^(N-2)}) and the short escape transition.
 * Near a minimum the {@code lambda_max} term keeps {@code ds/dt} of order one, so the rescaled field's
 * Jacobian {@code H / r} stays of norm at most one (the field never turns stiff as the gradient
 * vanishes), and {@code s} grows with {@code t}. The floor only guards {@code theta = 0}.
 *
 * <p>State layout: {@code u = [theta (d); t; z]}, a {@code (d+2) x 1} vector. {@code lambda_min} is the
 * dense one ({@link CurvatureProfile#lambdaMin}). {@code lambda_-} has a kink where {@code lambda_min}
 * crosses 0; the solver's step control resolves it (locally lower order, so smaller steps there).
 */
public final class CurvatureFlow implements VectorField<Double, DMatrixRMaj> {

    /** Floor of the rate {@code r}, far below any rate of the flows studied (at least 1e-7): guards a state where all terms vanish. */
    public static final double RATE_FLOOR = 1e-12;

    private final Objective<Double, DMatrixRMaj> f;
    private final int d;

    private CurvatureFlow(Objective<Double, DMatrixRMaj> f) {
        this.f = f;
        this.d = f.dimension();
    }

    /** The rescaled flow of {@code f} (in double). */
    public static CurvatureFlow of(Objective<Double, DMatrixRMaj> f) {
        return new CurvatureFlow(f);
    }

    @Override
    public Arithmetic<Double, DMatrixRMaj> arithmetic() {
        return DoubleArithmetic.INSTANCE;
    }

    @Override
    public int dimension() {
        return d + 2;
    }

    /** The parameters {@code theta} of a state {@code u} (a new vector). */
    public DMatrixRMaj theta(DMatrixRMaj u) {
        DMatrixRMaj theta = new DMatrixRMaj(d, 1);
        System.arraycopy(u.data, 0, theta.data, 0, d);
        return theta;
    }

    /** The time {@code t} of a state. */
    public double time(DMatrixRMaj u) {
        return u.data[d];
    }

    /** The integral {@code z = int_0^t lambda_-} of a state. */
    public double integral(DMatrixRMaj u) {
        return u.data[d + 1];
    }

    /** The start state {@code [theta0; 0; 0]}. */
    public DMatrixRMaj start(DMatrixRMaj theta0) {
        f.requireParameters(theta0);
        DMatrixRMaj u = new DMatrixRMaj(d + 2, 1);
        System.arraycopy(theta0.data, 0, u.data, 0, d);
        return u;
    }

    @Override
    public DMatrixRMaj derivative(DMatrixRMaj u) {
        DMatrixRMaj theta = theta(u);
        DMatrixRMaj g = f.gradient(theta);
        double gn = norm(g.data, d);
        double tn = norm(theta.data, d);
        double[] ext = CurvatureProfile.extremes(f, theta);
        double lambda = ext[0];
        double r = gn / Math.max(tn, Double.MIN_NORMAL) + Math.max(ext[1], 0.0) + RATE_FLOOR;
        DMatrixRMaj out = new DMatrixRMaj(d + 2, 1);
        for (int i = 0; i < d; i++) {
            out.data[i] = -g.data[i] / r;
        }
        out.data[d] = 1.0 / r;
        out.data[d + 1] = Math.min(lambda, 0.0) / r;
        return out;
    }

    private static double norm(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }

    /**
     * The result of {@link #run}: the final state and the integral carried by the ODE.
     *
     * @param theta     the final parameters
     * @param time      the final time {@code t}
     * @param integral  {@code int_0^t lambda_-} carried in the ODE (to the solver's tolerance)
     * @param clock     the final rescaled time {@code s}
     * @param converged whether {@code ||grad f|| <= gradientStop} was reached before {@code maxClock}
     */
    public record Run(DMatrixRMaj theta, double time, double integral, double clock, boolean converged) {
    }

    /**
     * Runs the rescaled flow from {@code theta0} on the grid {@code s = k * ds} in chunks of
     * {@code chunk} grid steps, until {@code ||grad f(theta)|| <= gradientStop} at the end of a chunk
     * or {@code s >= maxClock}. {@code profile} (may be null) receives every grid sample at its time
     * {@code t} (each once).
     *
     * @throws IllegalArgumentException if {@code ds}, {@code gradientStop} or {@code maxClock} is not
     *                                  positive, or {@code chunk < 1}
     */
    public Run run(DormandPrinceFlow solver, DMatrixRMaj theta0, double ds, int chunk, double gradientStop,
            double maxClock, CurvatureProfile<Double, DMatrixRMaj> profile) {
        Checks.positive("ds", ds);
        Checks.dimension("chunk", chunk);
        Checks.positive("gradientStop", gradientStop);
        Checks.positive("maxClock", maxClock);
        DMatrixRMaj u = start(theta0);
        double s = 0;
        boolean[] first = {true};
        GridHandler<DMatrixRMaj> sampler = new GridHandler<>() {
            @Override
            public void handleStep(long k, DMatrixRMaj state) {
                if (k == 0 && !first[0]) {
                    return;
                }
                first[0] = false;
                if (profile != null) {
                    profile.record(time(state), theta(state));
                }
            }
        };
        while (true) {
            FlowResult<DMatrixRMaj> r = solver.sample(this, u, ds, chunk, sampler);
            u = r.theta();
            s += chunk * ds;
            DMatrixRMaj theta = theta(u);
            DMatrixRMaj g = f.gradient(theta);
            boolean converged = norm(g.data, d) <= gradientStop;
            if (converged || s >= maxClock) {
                return new Run(theta, time(u), integral(u), s, converged);
            }
        }
    }
}

package gfgd.prop2;

import gfgd.dln.Budget;
import gfgd.dln.Convergence;
import gfgd.dln.Problem;
import gfgd.dynamics.DormandPrinceFlow;

/**
 * The predicate of claim {@code prop2} on one {@link Problem}: gradient flow from its start reaches
 * {@code f - f* <= eps (f(theta_0) - f*)} within the time budget {@link Budget#time} (of order
 * {@code alpha^-(N-2)} for {@code N >= 3}, {@code log(1/alpha)} for {@code N = 2}).
 */
public final class FlowConverges {

    /**
     * DOP853 tolerances. The hitting time is read on a grid of spacing budget/8192; a relative tolerance
     * of 1e-10 moves it by far less (checked by the claim against a run at 1e-12).
     */
    public static final double SOLVER_TOLERANCE = 1e-10;

    /** The solver of every run: DOP853 at {@link #SOLVER_TOLERANCE}, no companion run. */
    public static final DormandPrinceFlow SOLVER = DormandPrinceFlow.defaults()
            .withTolerances(SOLVER_TOLERANCE, SOLVER_TOLERANCE).withoutErrorEstimate();

    private FlowConverges() {
    }

    /** Runs gradient flow on {@code p} with {@link #SOLVER} until the gap is {@code eps} or the budget is spent. */
    public static Convergence.Run run(Problem p, double eps) {
        return run(p, eps, SOLVER);
    }

    /** {@link #run(Problem, double)} with another solver. */
    public static Convergence.Run run(Problem p, double eps, DormandPrinceFlow solver) {
        return Convergence.flow(p, solver, eps, Budget.time(p, eps));
    }

    /** Whether the flow reached the gap within the budget. */
    public static boolean holds(Problem p, double eps) {
        return run(p, eps).reached();
    }
}

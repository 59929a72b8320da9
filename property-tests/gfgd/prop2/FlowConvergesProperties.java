package gfgd.prop2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.Tries;
import gfgd.dln.BriefSweep;
import gfgd.dln.Convergence;
import gfgd.objective.DeepLinearProblems;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Claim {@code prop2}'s predicate over random deep linear problems started near zero. */
class FlowConvergesProperties {

    /** Fixed jqwik seed: the same samples on every run (evidence is deterministic). */
    private static final String SEED = "20211206";

    @Provide
    Arbitrary<DeepLinearProblems.Spec> problems() {
        return DeepLinearProblems.problems();
    }

    @Property(seed = SEED)
    @Tries(quick = 60, thorough = 600)
    void gradientFlowReachesAGlobalMinimumFromARandomNearZeroStart(@ForAll("problems") DeepLinearProblems.Spec spec) {
        DeepLinearProblems.collectStatistics(spec);
        Convergence.Run run = FlowConverges.run(spec.problem(), BriefSweep.EPS);
        assertTrue(run.reached(), run.reason());
    }
}

package gfgd.thm3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gfgd.claims.Tries;
import gfgd.dln.BriefSweep;
import gfgd.objective.DeepLinearProblems;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Claim {@code thm3}'s predicate over random deep linear problems started near zero. */
class DescentConvergesProperties {

    /** Fixed jqwik seed: the same samples on every run (evidence is deterministic). */
    private static final String SEED = "20211206";

    // README: begin
    @Provide
    Arbitrary<DeepLinearProblems.Spec> problems() {
        return DeepLinearProblems.problems();
    }

    @Property(seed = SEED)
    @Tries(quick = 60, thorough = 600)
    void gradientDescentWithEtaAtMostOneOverLambdaMaxReachesAGlobalMinimum(
            @ForAll("problems") DeepLinearProblems.Spec spec) {
        DeepLinearProblems.collectStatistics(spec);
        DescentConverges.Outcome o = DescentConverges.evaluate(spec.problem(), BriefSweep.EPS);
        assertTrue(o.holds(), "eta = " + o.eta() + ": " + o.reason());
    }
    // README: end
}

package gfgd.numeric;

import gfgd.objective.Quadratic;

/** Not a test: a numeric class that uses an objective, which the layering rules must reject (LayeringRulesFailTest). */
final class LayeringViolationFixture {

    private LayeringViolationFixture() {
    }

    static int dimensionOf(Quadratic q) {
        return q.dimension();
    }
}

package gfgd.dynamics;

import gfgd.layeringfixturea.ClaimA;

/** Not a test: a dynamics class that uses a claim, which the layering rules must reject (LayeringRulesFailTest). */
final class LayeringViolationFixture {

    private LayeringViolationFixture() {
    }

    static String idOf(ClaimA claim) {
        return claim.id();
    }
}

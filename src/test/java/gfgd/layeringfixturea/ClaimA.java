package gfgd.layeringfixturea;

import gfgd.claims.Claim;
import gfgd.layeringfixtureb.ClaimB;

/** A claim that uses another claim's class: the violation LayeringRulesFailTest expects the rules to find. */
public abstract class ClaimA implements Claim {

    /** The dependency on a second claim package. */
    protected abstract ClaimB sibling();
}

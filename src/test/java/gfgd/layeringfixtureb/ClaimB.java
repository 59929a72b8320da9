package gfgd.layeringfixtureb;

import gfgd.claims.Claim;
import gfgd.layeringfixturea.ClaimA;

/** The other half of the cycle with {@link ClaimA}, for LayeringRulesFailTest. */
public abstract class ClaimB implements Claim {

    /** The dependency back on the first claim package. */
    protected abstract ClaimA sibling();
}

package gfgd.claims;

/** The outcome of a check: the formal statement held on every instance checked, or it did not. */
public enum Outcome {
    PASS, FAIL
}

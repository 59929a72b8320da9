package gfgd.taylor;

/**
 * A scalar of a {@link TracingArithmetic}: either a constant (a value of the underlying arithmetic) or a
 * node of the recorded computation. Immutable; created only by its tracing arithmetic.
 */
public final class Traced {

    final TracingArithmetic<?, ?> owner;
    /** Index of the tape node, or -1 for a constant. */
    final int node;
    /** The constant's value (of the underlying scalar type), or null for a node. */
    final Object constant;

    Traced(TracingArithmetic<?, ?> owner, int node, Object constant) {
        this.owner = owner;
        this.node = node;
        this.constant = constant;
    }

    /** Whether this is a constant rather than a value that depends on the traced inputs. */
    public boolean isConstant() {
        return node < 0;
    }

    @Override
    public String toString() {
        return node < 0 ? "const " + constant : "node " + node;
    }
}

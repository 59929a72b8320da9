package gfgd.numeric;

/**
 * The SplitMix64 generator (Steele, Lea and Flood 2014), bit-exact, so that seeded initialisations
 * agree with other tools (numpy, PyTorch scripts) to the last bit:
 * <pre>
 *   s += 0x9E3779B97F4A7C15;  z = s;  z = (z ^ (z &gt;&gt;&gt; 30)) * 0xBF58476D1CE4E5B9;
 *   z = (z ^ (z &gt;&gt;&gt; 27)) * 0x94D049BB133111EB;  return z ^ (z &gt;&gt;&gt; 31)
 * </pre>
 * Mutable (each call advances the state); not thread-safe.
 */
public final class SplitMix64 {

    private long state;

    /** A generator starting from {@code state} (the seed). */
    public SplitMix64(long state) {
        this.state = state;
    }

    /** The next 64-bit output. Advances the state. */
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code u = (z >>> 11) * 2^-53}, uniform on [0, 1), from the next output. Advances the state. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** The current state. */
    public long state() {
        return state;
    }
}

package gfgd.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The claims known to the suite, in registration order.
 *
 * <p>{@link #loaded()} reads every {@link Claim} listed in
 * {@code META-INF/services/gfgd.claims.Claim} (one class name per line, in the order claims are
 * listed and run). Tests build registries of their own with {@link #of}.
 */
public final class ClaimRegistry {

    /** Ids: lower-case letters and digits, optionally '-'-separated parts ({@code thm1}, {@code ext-depth}). */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final Map<String, Claim> claims;

    private ClaimRegistry(List<? extends Claim> list) {
        Map<String, Claim> m = new LinkedHashMap<>();
        for (Claim c : list) {
            if (c.id() == null || !ID.matcher(c.id()).matches()) {
                throw new IllegalArgumentException("claim id must match " + ID + ", got '" + c.id() + "' ("
                        + c.getClass().getName() + ")");
            }
            if (m.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException("claim id '" + c.id() + "' registered twice");
            }
        }
        this.claims = m;
    }

    /** A registry of exactly these claims, in this order. */
    public static ClaimRegistry of(List<? extends Claim> claims) {
        return new ClaimRegistry(claims);
    }

    /** The registered claims ({@code META-INF/services/gfgd.claims.Claim}). */
    public static ClaimRegistry loaded() {
        List<Claim> list = new ArrayList<>();
        ServiceLoader.load(Claim.class, ClaimRegistry.class.getClassLoader()).forEach(list::add);
        return new ClaimRegistry(list);
    }

    /** Every claim, in registration order. */
    public List<Claim> all() {
        return List.copyOf(claims.values());
    }

    /** Every id, in registration order. */
    public List<String> ids() {
        return List.copyOf(claims.keySet());
    }

    public Optional<Claim> byId(String id) {
        return Optional.ofNullable(claims.get(id));
    }

    /**
     * The claims named in {@code ids}, in the order given, without repeats; no ids means all.
     *
     * @throws IllegalArgumentException naming the first unknown id and listing the known ones
     */
    public List<Claim> select(List<String> ids) {
        List<String> wanted = ids.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (wanted.isEmpty()) {
            return all();
        }
        List<Claim> out = new ArrayList<>();
        for (String id : wanted) {
            Claim c = claims.get(id);
            if (c == null) {
                throw new IllegalArgumentException("unknown claim '" + id + "'; known claims: " + String.join(", ", ids()));
            }
            out.add(c);
        }
        return out;
    }

    /** {@link #select(List)} for a comma-separated list such as {@code -Dclaims=thm1,prop1} (blank: all). */
    public List<Claim> select(String commaSeparated) {
        return select(commaSeparated == null ? List.of() : Arrays.asList(commaSeparated.split(",")));
    }
}

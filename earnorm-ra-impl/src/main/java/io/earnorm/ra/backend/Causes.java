package io.earnorm.ra.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The cause chain of an error, walked in one place: the backends classify failures (unreachable,
 * connection lost, refused login) and scrub messages by looking down it. Each throwable comes once,
 * so a chain whose causes loop back (A caused by B caused by A), not only one that is its own
 * cause, ends instead of looping forever.
 */
public final class Causes {

    private Causes() {
    }

    /** {@code error}, its cause, that one's cause, and so on, each once; empty for {@code null}. */
    public static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The causes under {@code error}: its chain without itself. */
    public static List<Throwable> under(Throwable error) {
        List<Throwable> chain = chain(error);
        return chain.isEmpty() ? chain : chain.subList(1, chain.size());
    }
}

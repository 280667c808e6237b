package io.earnorm.ra.serverbench.app;

import java.util.Arrays;
import java.util.function.Function;

/** The constant of an enum named by its id in the launcher's options and the step's query, as {@link Side} and {@link Lookup} are. */
final class Ids {

    private Ids() {
    }

    /** The constant whose id is {@code value}; an error that lists the ids otherwise. */
    static <E extends Enum<E>> E byId(E[] values, Function<E, String> idOf, String value, String what) {
        return Arrays.stream(values).filter(e -> idOf.apply(e).equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + value + "'; " + what + "s: "
                        + Arrays.stream(values).map(idOf).toList()));
    }
}

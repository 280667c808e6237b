package io.earnorm.ra.testsupport;

import io.earnorm.ra.backend.Causes;

import java.util.ArrayList;
import java.util.List;

/** What an error shows anyone who reads it: for tests that a secret never appears and a message names what it should. */
public final class ErrorText {

    private ErrorText() {
    }

    /** Every message and description in the error, its causes and their suppressed errors. */
    public static List<String> allText(Throwable error) {
        List<String> text = new ArrayList<>();
        for (Throwable t : Causes.chain(error)) {
            text.add(String.valueOf(t.getMessage()));
            text.add(t.toString());
            for (Throwable suppressed : t.getSuppressed()) {
                text.addAll(allText(suppressed));
            }
        }
        return text;
    }
}

package io.earnorm.ra.servers;

/** The body of one check: it passes when it returns, fails when it throws, is skipped by {@link Skip}. */
@FunctionalInterface
interface Check {

    void run() throws Exception;

    /** Thrown by a check that cannot run here, with the reason. */
    final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip(String reason) {
            super(reason, null, false, false);
        }
    }
}

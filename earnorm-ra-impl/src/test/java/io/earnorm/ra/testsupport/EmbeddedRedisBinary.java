package io.earnorm.ra.testsupport;

import redis.embedded.core.ExecutableProvider;

import java.io.IOException;

/** The {@code redis-server} binary bundled in embedded-redis, for machines without one on the PATH. */
final class EmbeddedRedisBinary {

    private EmbeddedRedisBinary() {
    }

    static synchronized String path() {
        try {
            var file = ExecutableProvider.newJarResourceProvider().get();
            if (!file.canExecute() && !file.setExecutable(true)) {
                throw new IllegalStateException("cannot make " + file + " executable");
            }
            return file.getAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("no redis-server on the PATH and the embedded one could not be unpacked", e);
        }
    }
}

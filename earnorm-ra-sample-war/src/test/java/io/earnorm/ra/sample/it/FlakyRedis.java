package io.earnorm.ra.sample.it;

import io.earnorm.ra.testsupport.RedisServerProcess;

/**
 * A Redis server of the tests' own, which a test stops and starts again on the same port to see
 * the server's health follow it. Started once per test JVM, at the first deployment.
 */
final class FlakyRedis {

    static final String URI_PROPERTY = "earnorm.it.flaky.redis.uri";

    private static RedisServerProcess server;

    private FlakyRedis() {
    }

    static synchronized String uri() {
        return server().uri();
    }

    static synchronized RedisServerProcess server() {
        if (server == null) {
            server = RedisServerProcess.launch();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }
}

package io.earnorm.ra.sample;

import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;

/**
 * Connections to the PostgreSQL ledger, through a factory the administrator defined (see
 * {@code src/main/payara/post-boot-commands.txt}) and the container injects. Inside a JTA
 * transaction every connection taken here joins it.
 */
@ApplicationScoped
public class LedgerConnections {

    static final String JNDI_NAME = "eis/earnorm/ledger";

    @Resource(lookup = JNDI_NAME)
    private PostgresConnectionFactory ledger;

    public PostgresConnection open() {
        try {
            return ledger.getConnection();
        } catch (ResourceException e) {
            throw ApiException.unavailable("postgresql", e);
        }
    }

    public boolean ping() {
        try (PostgresConnection conn = open()) {
            return conn.ping();
        }
    }
}

package io.earnorm.ra.spi;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Meta data of a managed connection: the backend, the configured maximum, the user. */
record MetaData(String backendType, int maxConnections, String user) implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return backendType;
    }

    @Override
    public String getEISProductVersion() {
        return "unknown";
    }

    @Override
    public int getMaxConnections() {
        return maxConnections;
    }

    @Override
    public String getUserName() {
        return user;
    }
}

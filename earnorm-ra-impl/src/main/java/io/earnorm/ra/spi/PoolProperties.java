package io.earnorm.ra.spi;

import io.earnorm.ra.pool.PoolConfig;
import io.earnorm.ra.pool.PoolOption;

import java.io.Serializable;
import java.util.EnumMap;

/**
 * The config properties every connection definition shares: each pool option of the table
 * {@link PoolOption} (typed as {@link PoolOption.Kind#jcaType()} says, starting from
 * {@link PoolOption#jcaDefault()}), the pool's name, and the user and password connections
 * authenticate as by default. The JavaBean getters and setters are what servers call; ra.xml
 * declares the same properties (RaXmlTest).
 */
public abstract class PoolProperties implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Boxed values, each option present: a server may set one to null, which means the pool core's default. */
    private final EnumMap<PoolOption, Object> options = new EnumMap<>(PoolOption.class);
    private String poolName;
    private String user;
    private String password;

    protected PoolProperties() {
        for (PoolOption option : PoolOption.values()) {
            options.put(option, option.jcaDefault());
        }
    }

    /**
     * The pool options as the pool core reads them.
     *
     * @throws io.earnorm.ra.api.pool.InvalidConfigException naming the option, the value and the rule
     */
    public PoolConfig poolConfig() {
        PoolConfig.Builder b = PoolConfig.builder();
        options.forEach((option, value) -> {
            if (value != null) {
                b.set(option.optionName(), value);
            }
        });
        return b.build();
    }

    /** The credential of the configured user and password. */
    Credential configuredCredential() {
        return new Credential(user, password);
    }

    /** The configured pool name, or null when unset or blank. */
    String configuredPoolName() {
        return poolName == null || poolName.isBlank() ? null : poolName;
    }

    public String getPoolName() {
        return poolName;
    }

    public void setPoolName(String poolName) {
        this.poolName = poolName;
    }

    public Integer getMinSize() {
        return (Integer) options.get(PoolOption.MIN_SIZE);
    }

    public void setMinSize(Integer minSize) {
        options.put(PoolOption.MIN_SIZE, minSize);
    }

    public Integer getMaxSize() {
        return (Integer) options.get(PoolOption.MAX_SIZE);
    }

    public void setMaxSize(Integer maxSize) {
        options.put(PoolOption.MAX_SIZE, maxSize);
    }

    public String getAcquireTimeout() {
        return (String) options.get(PoolOption.ACQUIRE_TIMEOUT);
    }

    public void setAcquireTimeout(String acquireTimeout) {
        options.put(PoolOption.ACQUIRE_TIMEOUT, acquireTimeout);
    }

    public String getMaxLifetime() {
        return (String) options.get(PoolOption.MAX_LIFETIME);
    }

    public void setMaxLifetime(String maxLifetime) {
        options.put(PoolOption.MAX_LIFETIME, maxLifetime);
    }

    public String getIdleTimeout() {
        return (String) options.get(PoolOption.IDLE_TIMEOUT);
    }

    public void setIdleTimeout(String idleTimeout) {
        options.put(PoolOption.IDLE_TIMEOUT, idleTimeout);
    }

    public Boolean getValidateOnBorrow() {
        return (Boolean) options.get(PoolOption.VALIDATE_ON_BORROW);
    }

    public void setValidateOnBorrow(Boolean validateOnBorrow) {
        options.put(PoolOption.VALIDATE_ON_BORROW, validateOnBorrow);
    }

    public Boolean getTestOnReturn() {
        return (Boolean) options.get(PoolOption.TEST_ON_RETURN);
    }

    public void setTestOnReturn(Boolean testOnReturn) {
        options.put(PoolOption.TEST_ON_RETURN, testOnReturn);
    }

    public String getValidationTimeout() {
        return (String) options.get(PoolOption.VALIDATION_TIMEOUT);
    }

    public void setValidationTimeout(String validationTimeout) {
        options.put(PoolOption.VALIDATION_TIMEOUT, validationTimeout);
    }

    public String getKeepaliveInterval() {
        return (String) options.get(PoolOption.KEEPALIVE_INTERVAL);
    }

    public void setKeepaliveInterval(String keepaliveInterval) {
        options.put(PoolOption.KEEPALIVE_INTERVAL, keepaliveInterval);
    }

    public Integer getMaxConnecting() {
        return (Integer) options.get(PoolOption.MAX_CONNECTING);
    }

    public void setMaxConnecting(Integer maxConnecting) {
        options.put(PoolOption.MAX_CONNECTING, maxConnecting);
    }

    public String getLeakDetectionThreshold() {
        return (String) options.get(PoolOption.LEAK_DETECTION_THRESHOLD);
    }

    public void setLeakDetectionThreshold(String leakDetectionThreshold) {
        options.put(PoolOption.LEAK_DETECTION_THRESHOLD, leakDetectionThreshold);
    }

    public String getProbeInterval() {
        return (String) options.get(PoolOption.PROBE_INTERVAL);
    }

    public void setProbeInterval(String probeInterval) {
        options.put(PoolOption.PROBE_INTERVAL, probeInterval);
    }

    public Integer getInstances() {
        return (Integer) options.get(PoolOption.INSTANCES);
    }

    public void setInstances(Integer instances) {
        options.put(PoolOption.INSTANCES, instances);
    }

    public Integer getFleetMaxSize() {
        return (Integer) options.get(PoolOption.FLEET_MAX_SIZE);
    }

    public void setFleetMaxSize(Integer fleetMaxSize) {
        options.put(PoolOption.FLEET_MAX_SIZE, fleetMaxSize);
    }

    public String getFleetInterval() {
        return (String) options.get(PoolOption.FLEET_INTERVAL);
    }

    public void setFleetInterval(String fleetInterval) {
        options.put(PoolOption.FLEET_INTERVAL, fleetInterval);
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

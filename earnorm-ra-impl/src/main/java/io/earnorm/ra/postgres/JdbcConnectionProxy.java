package io.earnorm.ra.postgres;

import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.backend.Guard;
import io.earnorm.ra.backend.Proxies;
import io.earnorm.ra.pool.Lease;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The {@link Connection} a borrower gets from {@code PostgresConnection.jdbc()}: the pooled
 * connection behind a proxy that
 * <ul>
 * <li>refuses every call once the borrow has ended ({@link ConnectionClosedException}), except
 *     {@code isClosed()}, which answers true, and {@code close()}, which does nothing, as JDBC asks;</li>
 * <li>ends the borrow on {@code close()} (the connection goes back to the pool, not to the server);</li>
 * <li>keeps the statements it creates, and through them their result sets, behind proxies of their
 *     own (see {@link JdbcResourceProxy}) and closes those still open when the borrow ends;</li>
 * <li>records the session settings the borrower changes (auto-commit, isolation, read-only, schema,
 *     application name, network timeout), so that the reset on return puts back exactly those;</li>
 * <li>reports a lost connection (SQLState class 08, {@code 57P01}-{@code 57P03}, or a connection
 *     the driver closed) to the lease, so that the pool retires it;</li>
 * <li>refuses {@code commit()}, {@code rollback()} and {@code setAutoCommit(true)} (SQLState
 *     {@code 2D000}, invalid transaction termination) while a resource adapter's container runs a
 *     transaction on the connection ({@link PostgresSession#containerTransaction()}).</li>
 * </ul>
 * The driver's {@link SQLException}s come through unchanged, as JDBC code expects. {@code unwrap}
 * gives the proxy itself, or a guarded view of a pgjdbc interface that cannot close anything
 * ({@code org.postgresql.PGConnection}); never the physical connection.
 */
final class JdbcConnectionProxy implements InvocationHandler {

    private static final Map<String, PostgresSession.Setting> SETTERS = Map.of(
            "setAutoCommit", PostgresSession.Setting.AUTO_COMMIT,
            "setTransactionIsolation", PostgresSession.Setting.TRANSACTION_ISOLATION,
            "setReadOnly", PostgresSession.Setting.READ_ONLY,
            "setSchema", PostgresSession.Setting.SCHEMA,
            "setClientInfo", PostgresSession.Setting.APPLICATION_NAME,
            "setNetworkTimeout", PostgresSession.Setting.NETWORK_TIMEOUT);

    private final Lease<PostgresSession> lease;
    private final Runnable endBorrow;
    private final Connection proxy;
    private volatile boolean closedByBorrower;

    /**
     * @param endBorrow gives the connection back; run once, by {@code close()}, unless the borrow ended otherwise
     */
    JdbcConnectionProxy(Lease<PostgresSession> lease, Runnable endBorrow) {
        this.lease = lease;
        this.endBorrow = endBorrow;
        this.proxy = Proxies.make(Connection.class, this);
    }

    Connection proxy() {
        return proxy;
    }

    /** True when the borrower gave the connection back through {@code close()} on this proxy. */
    boolean closedByBorrower() {
        return closedByBorrower;
    }

    /**
     * Closes every statement (and with it its result sets) the borrower left open through this
     * proxy, and result sets of no statement (metadata); run as the borrow ends. The session keeps
     * the list, so that a borrow that opens statements allocates no list of its own.
     */
    void closeOpened() {
        for (AutoCloseable resource : lease.connection().takeOpenedBy(this)) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closed as far as the driver can; the connection is reset or retired next
            }
        }
    }

    // ------------------------------------------------------------------ for the resource proxies

    /** The physical connection; throws {@link ConnectionClosedException} once the borrow has ended. */
    Connection physical() {
        return lease.connection().connection();
    }

    boolean ended() {
        return lease.isReleased();
    }

    void track(AutoCloseable resource) {
        lease.connection().opened(resource, this);
    }

    void untrack(AutoCloseable resource) {
        if (!ended()) {
            lease.connection().closed(resource);
        }
    }

    /**
     * Reports {@code error} to the lease when it means the connection is gone, and returns it for
     * rethrowing.
     */
    Throwable report(Throwable error) {
        if (!(error instanceof SQLException) || ended()) {
            return error;
        }
        boolean lost = PostgresErrors.isConnectionLost(error);
        try {
            lost |= physical().isClosed();
            if (lost) {
                lease.markBroken(error);
            }
        } catch (SQLException | ConnectionClosedException ignored) {
            // the borrow ended meanwhile: nothing left to report to
        }
        return error;
    }

    // ------------------------------------------------------------------ the proxy

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int arity = args == null ? 0 : args.length;
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                default -> "jdbc connection of " + lease;
            };
        }
        switch (name) {
            case "isClosed" -> {
                return ended() || physical().isClosed();
            }
            case "close" -> {
                if (!ended()) {
                    closedByBorrower = true;
                    endBorrow.run();
                }
                return null;
            }
            case "abort" -> {
                // JDBC's abort ends the physical connection; here it ends the borrow and retires the connection.
                if (!ended()) {
                    lease.markBroken(new SQLException("the borrower aborted the connection", "08003"));
                    closedByBorrower = true;
                    endBorrow.run();
                }
                return null;
            }
            case "unwrap" -> {
                return unwrap(self, physical(), (Class<?>) args[0], this::physical);
            }
            case "isWrapperFor" -> {
                return canUnwrap(self, physical(), (Class<?>) args[0]);
            }
            default -> {
                // fall through to the driver
            }
        }
        refuseEndingAContainerTransaction(name, args);
        Connection connection = physical();
        Object result;
        try {
            result = method.invoke(connection, JdbcResourceProxy.targets(args));
        } catch (InvocationTargetException e) {
            throw report(e.getCause());
        }
        PostgresSession.Setting setting = SETTERS.get(name);
        if (setting != null && arity > 0) {
            lease.connection().changed(setting);
        }
        return JdbcResourceProxy.wrap(this, method.getReturnType(), result, null);
    }

    /** Only the container that began a transaction on the connection may end it. */
    private void refuseEndingAContainerTransaction(String name, Object[] args) throws SQLException {
        Object transaction = lease.connection().containerTransaction();
        if (transaction == null) {
            return;
        }
        boolean ends = name.equals("commit") && args == null
                || name.equals("rollback") && args == null
                || name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]);
        if (ends) {
            throw new SQLException(name + (args == null ? "()" : "(true)") + " is not allowed while the container runs a transaction on this connection ("
                    + transaction + "); the container commits or rolls it back", "2D000");
        }
    }

    // ------------------------------------------------------------------ unwrapping, shared with the resource proxies

    /**
     * The proxy itself when it is an {@code iface}; otherwise a guarded view of the target for an
     * interface that cannot close anything (pgjdbc's {@code PGConnection}, {@code PGStatement}).
     */
    static Object unwrap(Object proxy, Object target, Class<?> iface, Runnable check) throws SQLException {
        if (iface.isInstance(proxy)) {
            return proxy;
        }
        if (canUnwrapTarget(target, iface)) {
            return guarded(iface, target, check);
        }
        throw new SQLException("a pooled connection's " + proxyKind(proxy) + " cannot be unwrapped to " + iface.getName()
                + ": only the interfaces it implements and pgjdbc interfaces without close() (such as org.postgresql.PGConnection) are available", "0A000");
    }

    static boolean canUnwrap(Object proxy, Object target, Class<?> iface) {
        return iface.isInstance(proxy) || canUnwrapTarget(target, iface);
    }

    /** Anything that can be closed would let the borrower close the pooled connection behind the pool's back. */
    private static boolean canUnwrapTarget(Object target, Class<?> iface) {
        return iface.isInterface() && !AutoCloseable.class.isAssignableFrom(iface) && iface.isInstance(target);
    }

    private static <T> T guarded(Class<T> iface, Object target, Runnable check) {
        return Guard.of(iface, iface.cast(target), check, returned -> false);
    }

    private static String proxyKind(Object proxy) {
        Class<?>[] interfaces = proxy.getClass().getInterfaces();
        return interfaces.length == 0 ? "object" : interfaces[0].getSimpleName();
    }
}

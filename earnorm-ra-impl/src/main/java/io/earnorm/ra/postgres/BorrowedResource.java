package io.earnorm.ra.postgres;

import io.earnorm.ra.api.pool.ConnectionClosedException;
import io.earnorm.ra.backend.Guard;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

/**
 * What the JDBC objects a borrower gets through {@link BorrowedConnection} (statements, result
 * sets, database metadata) share: the driver's object they stand for, refused once the borrow has
 * ended ({@link #driver()} throws {@link ConnectionClosedException}), lost connections reported to
 * the lease ({@link #report}), the {@code unwrap} rules, and the unwrapping of our own objects
 * passed back as arguments, so that the driver always gets its own.
 *
 * <p>Concrete classes rather than {@link Proxy} objects: reflective dispatch on every call was the
 * hottest part of a borrow's client CPU.
 *
 * @param <T> the driver's interface
 */
abstract class BorrowedResource<T> {

    final BorrowedConnection connection;
    /** The driver's object, for closing; every other use goes through {@link #driver()}. */
    final T driver;

    BorrowedResource(BorrowedConnection connection, T driver) {
        this.connection = connection;
        this.driver = driver;
    }

    /** The driver's object; throws {@link ConnectionClosedException} once the borrow has ended. */
    final T driver() {
        connection.physical();
        return driver;
    }

    /** Reports {@code error} to the lease when it means the connection is gone, and returns it for rethrowing. */
    final SQLException report(SQLException error) {
        return connection.report(error);
    }

    /**
     * Closes the driver's object and forgets it, unless the end of the borrow closed it already;
     * {@code tracked} tells whether the borrow keeps it for closing.
     */
    final void close(AutoCloseable closeable, boolean tracked) throws SQLException {
        if (connection.ended()) {
            return;
        }
        try {
            closeable.close();
        } catch (SQLException e) {
            throw report(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Not thrown: a JDBC object's close() declares SQLException only.
            throw new SQLException(e);
        } finally {
            if (tracked) {
                connection.untrack(closeable);
            }
        }
    }

    /** A JDBC object of a rarer kind (an array, a LOB, metadata), behind a reflective proxy. */
    final <R> R proxied(Class<R> type, R result) {
        return JdbcResourceProxy.wrap(connection, type, result);
    }

    public final <I> I unwrap(Class<I> iface) throws SQLException {
        return unwrap(this, driver(), iface, connection::physical);
    }

    public final boolean isWrapperFor(Class<?> iface) {
        return canUnwrap(this, driver(), iface);
    }

    @Override
    public String toString() {
        return "borrowed " + driver;
    }

    // ------------------------------------------------------------------ shared with the connection and the reflective proxies

    /**
     * {@code value} itself unless it is one of our JDBC objects, for which the driver's object
     * behind it; the driver casts what it gets back to its own classes.
     */
    @SuppressWarnings("unchecked")
    static <V> V driverObject(V value) {
        if (value instanceof BorrowedResource<?> resource) {
            return (V) resource.driver;
        }
        if (value instanceof BorrowedConnection borrowed) {
            return (V) borrowed.physical();
        }
        if (value != null && Proxy.isProxyClass(value.getClass()) && Proxy.getInvocationHandler(value) instanceof JdbcResourceProxy proxy) {
            return (V) proxy.target();
        }
        return value;
    }

    /** {@code values} with {@link #driverObject} applied to each; the same array when none is ours. */
    static Object[] driverObjects(Object[] values) {
        if (values == null) {
            return null;
        }
        Object[] unwrapped = values;
        for (int i = 0; i < values.length; i++) {
            Object target = driverObject(values[i]);
            if (target != values[i]) {
                if (unwrapped == values) {
                    unwrapped = values.clone();
                }
                unwrapped[i] = target;
            }
        }
        return unwrapped;
    }

    /**
     * {@code wrapper} itself when it is an {@code iface}; otherwise a guarded view of the driver's
     * {@code target} for an interface that cannot close anything (pgjdbc's {@code PGConnection},
     * {@code PGStatement}).
     */
    static <I> I unwrap(Object wrapper, Object target, Class<I> iface, Runnable check) throws SQLException {
        if (iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        if (canUnwrapTarget(target, iface)) {
            return Guard.of(iface, iface.cast(target), check, returned -> false);
        }
        throw new SQLException("a pooled connection's " + kind(wrapper) + " cannot be unwrapped to " + iface.getName()
                + ": only the interfaces it implements and pgjdbc interfaces without close() (such as org.postgresql.PGConnection) are available", "0A000");
    }

    static boolean canUnwrap(Object wrapper, Object target, Class<?> iface) {
        return iface.isInstance(wrapper) || canUnwrapTarget(target, iface);
    }

    /** Anything that can be closed would let the borrower close the pooled connection behind the pool's back. */
    private static boolean canUnwrapTarget(Object target, Class<?> iface) {
        return iface.isInterface() && !AutoCloseable.class.isAssignableFrom(iface) && iface.isInstance(target);
    }

    /** The JDBC interface {@code wrapper} stands for: the first one its class, or a superclass, declares. */
    private static String kind(Object wrapper) {
        for (Class<?> type = wrapper.getClass(); type != null; type = type.getSuperclass()) {
            Class<?>[] interfaces = type.getInterfaces();
            if (interfaces.length > 0) {
                return interfaces[0].getSimpleName();
            }
        }
        return "object";
    }
}

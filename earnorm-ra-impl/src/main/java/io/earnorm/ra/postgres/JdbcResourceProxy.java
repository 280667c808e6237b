package io.earnorm.ra.postgres;

import io.earnorm.ra.backend.Proxies;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A statement, result set, metadata object or other JDBC object obtained through a borrower's
 * {@link JdbcConnectionProxy}, behind a proxy of its declared interface that refuses every call
 * once the borrow has ended (but {@code isClosed()}, true, and {@code close()}, a no-op), answers
 * {@code getConnection()} with the borrower's connection proxy and {@code getStatement()} with the
 * statement proxy it came from, untracks itself when closed, and reports a lost connection.
 * Whatever JDBC objects it returns in turn are wrapped the same way.
 */
final class JdbcResourceProxy implements InvocationHandler {

    private final JdbcConnectionProxy owner;
    private final Object target;
    /** The statement proxy a result set came from, or {@code null}. */
    private final Object parent;

    private JdbcResourceProxy(JdbcConnectionProxy owner, Object target, Object parent) {
        this.owner = owner;
        this.target = target;
        this.parent = parent;
    }

    /**
     * Wraps {@code result} of a call that declared {@code type} when it is a JDBC interface;
     * statements, and result sets that do not belong to a statement of the borrower's (those of
     * {@link DatabaseMetaData}), are tracked so that the end of the borrow closes them.
     *
     * @param caller the proxy whose call returned {@code result}, or {@code null} for the connection
     */
    static Object wrap(JdbcConnectionProxy owner, Class<?> type, Object result, Object caller) {
        if (result == null || !type.isInterface() || !type.getPackageName().equals("java.sql")) {
            return result;
        }
        if (result instanceof Connection) {
            return owner.proxy();
        }
        boolean fromStatement = caller instanceof Statement;
        if (result instanceof Statement statement) {
            owner.track(statement);
        } else if (result instanceof ResultSet set && !fromStatement) {
            owner.track(set);
        }
        JdbcResourceProxy handler = new JdbcResourceProxy(owner, result, fromStatement ? caller : null);
        return Proxies.make(type, handler);
    }

    /** The driver's objects behind any of these proxies among {@code args}, so that the driver gets its own types back. */
    static Object[] targets(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] unwrapped = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null && Proxy.isProxyClass(args[i].getClass())) {
                InvocationHandler handler = Proxy.getInvocationHandler(args[i]);
                Object target = handler instanceof JdbcResourceProxy r ? r.target
                        : handler instanceof JdbcConnectionProxy c ? c.physical() : args[i];
                if (target != args[i]) {
                    if (unwrapped == args) {
                        unwrapped = args.clone();
                    }
                    unwrapped[i] = target;
                }
            }
        }
        return unwrapped;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int arity = args == null ? 0 : args.length;
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                default -> "borrowed " + target;
            };
        }
        if (arity == 0 && name.equals("isClosed") && owner.ended()) {
            return true;
        }
        if (arity == 0 && name.equals("close") && target instanceof AutoCloseable closeable) {
            return close(closeable);
        }
        owner.physical();
        switch (name) {
            case "getConnection" -> {
                if (arity == 0) {
                    return owner.proxy();
                }
            }
            case "getStatement" -> {
                if (arity == 0 && target instanceof ResultSet) {
                    return parent;
                }
            }
            case "unwrap" -> {
                return JdbcConnectionProxy.unwrap(self, target, (Class<?>) args[0], owner::physical);
            }
            case "isWrapperFor" -> {
                return JdbcConnectionProxy.canUnwrap(self, target, (Class<?>) args[0]);
            }
            default -> {
                // fall through to the driver
            }
        }
        Object result;
        try {
            result = method.invoke(target, targets(args));
        } catch (InvocationTargetException e) {
            throw owner.report(e.getCause());
        }
        return wrap(owner, method.getReturnType(), result, self);
    }

    private Object close(AutoCloseable closeable) throws Throwable {
        if (owner.ended()) {
            // Closed with the borrow already.
            return null;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            throw owner.report(e);
        } finally {
            owner.untrack(closeable);
        }
        return null;
    }
}

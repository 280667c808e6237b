package io.earnorm.ra.postgres;

import io.earnorm.ra.backend.Proxies;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rarer JDBC objects a borrower gets through a {@link BorrowedConnection} (arrays, LOBs,
 * {@code SQLXML}, savepoints, structs, refs, row ids, result set and parameter metadata), behind a
 * reflective proxy of their declared interface that refuses every call once the borrow has ended,
 * reports a lost connection, and unwraps as the wrappers do. Statements, result sets and database
 * metadata, which every borrow uses, have concrete wrapper classes instead ({@link BorrowedStatement}
 * and the others), since reflective dispatch on each of their calls cost CPU; these are rare enough
 * that one class for all of them is the better trade. Whatever JDBC objects they return in turn
 * are wrapped the same way: a result set (of an array) as a {@link BorrowedResultSet} tracked with
 * the borrow, the connection as the borrower's wrapper.
 */
final class JdbcResourceProxy implements InvocationHandler {

    private final BorrowedConnection owner;
    private final Object target;

    private JdbcResourceProxy(BorrowedConnection owner, Object target) {
        this.owner = owner;
        this.target = target;
    }

    /** {@code result} of a call that declared {@code type}, behind a proxy when that is a {@code java.sql} interface. */
    static <R> R wrap(BorrowedConnection owner, Class<R> type, R result) {
        if (result == null || !type.isInterface() || !type.getPackageName().equals("java.sql")) {
            return result;
        }
        if (result instanceof Connection) {
            return type.cast(owner);
        }
        if (result instanceof ResultSet set) {
            return type.cast(owner.untiedResultSet(set));
        }
        return Proxies.make(type, new JdbcResourceProxy(owner, result));
    }

    /** The driver's object behind the proxy. */
    Object target() {
        return target;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                default -> "borrowed " + target;
            };
        }
        owner.physical();
        switch (name) {
            case "unwrap" -> {
                return BorrowedResource.unwrap(self, target, (Class<?>) args[0], owner::physical);
            }
            case "isWrapperFor" -> {
                return BorrowedResource.canUnwrap(self, target, (Class<?>) args[0]);
            }
            default -> {
                // fall through to the driver
            }
        }
        Object result;
        try {
            result = method.invoke(target, BorrowedResource.driverObjects(args));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof SQLException error ? owner.report(error) : cause;
        }
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) method.getReturnType();
        return wrap(owner, type, result);
    }
}

package io.earnorm.ra.backend;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Predicate;

/**
 * Wraps a driver object in a proxy that checks its borrowed connection before every call, so that
 * a typed accessor stops working once the connection goes back to the pool. Results whose declared
 * type is an interface the {@code rewrap} predicate accepts (a collection got from a database, an
 * iterable got from a collection) are wrapped the same way, so nothing obtained through a handle
 * outlives it.
 */
public final class Guard {

    private Guard() {
    }

    /**
     * @param type     the interface the proxy implements
     * @param target   the driver object
     * @param check    runs before every call; throws when the borrow has ended
     * @param rewrap   which returned interfaces are guarded too
     */
    public static <T> T of(Class<T> type, T target, Runnable check, Predicate<Class<?>> rewrap) {
        InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args, check, rewrap);
        return Proxies.make(type, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args, Runnable check, Predicate<Class<?>> rewrap) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> args[0] == target;
                case "hashCode" -> System.identityHashCode(target);
                default -> "guarded " + target;
            };
        }
        check.run();
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        Class<?> returned = method.getReturnType();
        if (result != null && returned.isInterface() && rewrap.test(returned)) {
            return wrapUnchecked(returned, result, check, rewrap);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrapUnchecked(Class<T> type, Object target, Runnable check, Predicate<Class<?>> rewrap) {
        return of(type, (T) target, check, rewrap);
    }
}

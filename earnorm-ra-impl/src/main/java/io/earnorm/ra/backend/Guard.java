package io.earnorm.ra.backend;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Wraps a driver object in a proxy that checks its borrowed connection before every call, so that
 * a typed accessor stops working once the connection goes back to the pool, and shows the
 * driver's failures to the backend (which retires a connection that is gone) before they reach
 * the caller unchanged. Results whose declared type is an interface the {@code rewrap} predicate
 * accepts (a collection got from a database, an iterable got from a collection) are wrapped the
 * same way, so nothing obtained through a handle outlives it.
 *
 * <p>One proxy does the check, the call and the report: every layer of reflective dispatch costs
 * each call of the borrower's typed API (a Redis command, each step of a MongoDB query).
 */
public final class Guard implements InvocationHandler {

    private static final Consumer<Throwable> NO_REPORT = failure -> { };

    private final Object target;
    private final Runnable check;
    private final Predicate<Class<?>> rewrap;
    private final Consumer<Throwable> onFailure;

    private Guard(Object target, Runnable check, Predicate<Class<?>> rewrap, Consumer<Throwable> onFailure) {
        this.target = target;
        this.check = check;
        this.rewrap = rewrap;
        this.onFailure = onFailure;
    }

    /**
     * @param type     the interface the proxy implements
     * @param target   the driver object
     * @param check    runs before every call; throws when the borrow has ended
     * @param rewrap   which returned interfaces are guarded too
     */
    public static <T> T of(Class<T> type, T target, Runnable check, Predicate<Class<?>> rewrap) {
        return of(type, target, check, rewrap, NO_REPORT);
    }

    /**
     * @param onFailure sees what the driver threw (before it is rethrown unchanged), for the calls
     *                  of this object and of the objects it returns
     */
    public static <T> T of(Class<T> type, T target, Runnable check, Predicate<Class<?>> rewrap, Consumer<Throwable> onFailure) {
        return Proxies.make(type, new Guard(target, check, rewrap, onFailure));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
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
            Throwable failure = e.getCause();
            onFailure.accept(failure);
            throw failure;
        }
        Class<?> returned = method.getReturnType();
        if (result != null && returned.isInterface() && rewrap.test(returned)) {
            return Proxies.make(returned, new Guard(result, check, rewrap, onFailure));
        }
        return result;
    }
}

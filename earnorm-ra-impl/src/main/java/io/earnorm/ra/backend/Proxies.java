package io.earnorm.ra.backend;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Makes the proxies a borrow hands out (Jedis's typed commands, MongoDB's database and
 * collections, guarded driver interfaces, the rarer JDBC objects such as arrays and LOBs) through
 * each interface's proxy-class constructor, looked up once: {@link Proxy#newProxyInstance} finds
 * the proxy class again, and allocates for the lookup, on every call, and a borrow makes several.
 */
public final class Proxies {

    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, InvocationHandler.class);
    private static final MethodType AS_OBJECT = MethodType.methodType(Object.class, InvocationHandler.class);
    private static final MethodHandle UNCACHED;

    static {
        try {
            UNCACHED = MethodHandles.lookup().findStatic(Proxies.class, "uncached",
                    MethodType.methodType(Object.class, Class.class, InvocationHandler.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ClassValue<MethodHandle> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> iface) {
            return constructorFor(iface);
        }
    };

    private Proxies() {
    }

    /** A proxy implementing {@code iface} alone, whose calls go to {@code handler}. */
    public static <T> T make(Class<T> iface, InvocationHandler handler) {
        try {
            return iface.cast((Object) CONSTRUCTORS.get(iface).invokeExact(handler));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // A proxy class's constructor throws nothing else.
            throw new IllegalStateException("could not make a proxy for " + iface.getName(), e);
        }
    }

    /** The constructor of the proxy class for {@code iface}, typed {@code (InvocationHandler)Object}. */
    private static MethodHandle constructorFor(Class<?> iface) {
        Class<?> proxyClass = Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, (proxy, method, args) -> null).getClass();
        try {
            return MethodHandles.publicLookup().findConstructor(proxyClass, CONSTRUCTOR).asType(AS_OBJECT);
        } catch (ReflectiveOperationException e) {
            // A proxy class the public lookup cannot reach (of an interface that is not public): made the uncached way.
            return MethodHandles.insertArguments(UNCACHED, 0, iface);
        }
    }

    private static Object uncached(Class<?> iface, InvocationHandler handler) {
        return Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler);
    }
}

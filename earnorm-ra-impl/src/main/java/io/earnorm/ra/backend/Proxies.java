package io.earnorm.ra.postgres;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Makes the JDBC proxies of a borrow through each interface's proxy-class constructor, looked up
 * once: {@link Proxy#newProxyInstance} finds the proxy class again, and allocates for the lookup,
 * on every call, and a borrow makes one proxy for the connection and one per statement and result
 * set.
 */
final class ProxyMaker {

    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, InvocationHandler.class);
    private static final MethodType AS_OBJECT = MethodType.methodType(Object.class, InvocationHandler.class);

    private static final ClassValue<MethodHandle> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> iface) {
            return constructorFor(iface);
        }
    };

    private ProxyMaker() {
    }

    /** A proxy implementing {@code iface} alone, whose calls go to {@code handler}. */
    static Object make(Class<?> iface, InvocationHandler handler) {
        try {
            return (Object) CONSTRUCTORS.get(iface).invokeExact(handler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // A proxy class's constructor throws nothing else.
            throw new IllegalStateException("could not make a proxy for " + iface.getName(), e);
        }
    }

    /** The constructor of the proxy class for {@code iface}, typed {@code (InvocationHandler)Object}. */
    static MethodHandle constructorFor(Class<?> iface) {
        Class<?> proxyClass = Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, (proxy, method, args) -> null).getClass();
        try {
            return MethodHandles.publicLookup().findConstructor(proxyClass, CONSTRUCTOR).asType(AS_OBJECT);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the proxy class for " + iface.getName() + " has no public constructor taking an InvocationHandler", e);
        }
    }
}

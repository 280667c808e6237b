package io.earnorm.ra.mongo;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import io.earnorm.ra.backend.Proxies;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs a database's (and its collections') operations in the slot's client session while a
 * transaction is active: each call to a method that has an overload taking a {@link ClientSession}
 * first ({@code find(filter)} → {@code find(session, filter)}) goes to that overload. Without a
 * session, calls go through unchanged. Collections and databases obtained from the proxy
 * ({@code getCollection}, {@code withTimeout}, ...) are bound the same way; iterables are bound
 * by the call that creates them.
 *
 * <p>The session is looked up at each call, so that a collection obtained before a transaction
 * began runs in it afterwards. This is how the driver's per-operation sessions become one
 * connection-wide transaction without a second, session-taking API for borrowers.
 */
final class MongoSessionBinding {

    /** A method's overload with a leading {@code ClientSession}, or empty when it has none. */
    private static final Map<Method, Optional<Method>> WITH_SESSION = new ConcurrentHashMap<>();

    private MongoSessionBinding() {
    }

    static MongoDatabase database(MongoDatabase target, Supplier<ClientSession> session) {
        return bind(MongoDatabase.class, target, session);
    }

    private static <T> T bind(Class<T> type, T target, Supplier<ClientSession> session) {
        Object proxy = Proxies.make(type, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return invoke(method, target, args);
            }
            ClientSession current = session.get();
            Optional<Method> withSession = current == null ? Optional.empty() : WITH_SESSION.computeIfAbsent(method, m -> overload(type, m));
            Object result = withSession.isPresent()
                    ? invoke(withSession.get(), target, prepend(current, args))
                    : invoke(method, target, args);
            return bindResult(method.getReturnType(), result, session);
        });
        return type.cast(proxy);
    }

    private static Object bindResult(Class<?> returned, Object result, Supplier<ClientSession> session) {
        if (result instanceof MongoCollection<?> collection && returned == MongoCollection.class) {
            return bind(MongoCollection.class, collection, session);
        }
        if (result instanceof MongoDatabase database && returned == MongoDatabase.class) {
            return bind(MongoDatabase.class, database, session);
        }
        return result;
    }

    private static Optional<Method> overload(Class<?> type, Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        Class<?>[] withSession = new Class<?>[parameters.length + 1];
        withSession[0] = ClientSession.class;
        System.arraycopy(parameters, 0, withSession, 1, parameters.length);
        try {
            return Optional.of(type.getMethod(method.getName(), withSession));
        } catch (NoSuchMethodException none) {
            return Optional.empty();
        }
    }

    private static Object[] prepend(ClientSession session, Object[] args) {
        Object[] all = new Object[args == null ? 1 : args.length + 1];
        all[0] = session;
        if (args != null) {
            System.arraycopy(args, 0, all, 1, args.length);
        }
        return all;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

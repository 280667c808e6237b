package io.earnorm.ra.spi;

import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.Secrets;
import jakarta.resource.spi.InvalidPropertyException;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The config properties of a connection definition read through its JavaBean getters: as set (for
 * equality, never shown), as anyone may see them (passwords masked, also inside an address), and
 * the message of a refused one.
 */
final class ConfigProperties {

    private ConfigProperties() {
    }

    /**
     * Introspection allocates megabytes and takes milliseconds, and a server compares factories
     * (which reads every property) on every getConnection: once per factory class.
     */
    private static final ClassValue<List<PropertyDescriptor>> DESCRIPTORS = new ClassValue<>() {
        @Override
        protected List<PropertyDescriptor> computeValue(Class<?> factoryClass) {
            return introspect(factoryClass);
        }
    };

    /** The JavaBean properties of a factory class that are config properties: readable and writable, of a simple type. */
    static List<PropertyDescriptor> descriptors(Class<?> factoryClass) {
        return DESCRIPTORS.get(factoryClass);
    }

    private static List<PropertyDescriptor> introspect(Class<?> factoryClass) {
        try {
            List<PropertyDescriptor> result = new ArrayList<>();
            for (PropertyDescriptor d : Introspector.getBeanInfo(factoryClass, Object.class).getPropertyDescriptors()) {
                Class<?> type = d.getPropertyType();
                if (d.getReadMethod() != null && d.getWriteMethod() != null
                        && (type == String.class || type == Integer.class || type == Boolean.class || type == Long.class)) {
                    result.add(d);
                }
            }
            return List.copyOf(result);
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every config property of {@code factory} by name, as set: for equality only, never shown. */
    static Map<String, Object> asSet(Object factory) {
        Map<String, Object> values = new TreeMap<>();
        for (PropertyDescriptor d : descriptors(factory.getClass())) {
            try {
                values.put(d.getName(), d.getReadMethod().invoke(factory));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read config property " + d.getName(), e);
            }
        }
        return values;
    }

    /** Every config property by name as anyone may see it: a password as {@value Secrets#MASK}, one inside an address masked too. */
    static Map<String, Object> shown(Object factory) {
        Map<String, Object> values = new TreeMap<>();
        asSet(factory).forEach((name, value) -> {
            if (value != null && isPassword(name)) {
                value = Secrets.MASK;
            } else if (value instanceof String text) {
                value = Secrets.mask(text);
            }
            values.put(name, value);
        });
        return values;
    }

    /** The config for a log line: {@code name=value, ...}, passwords masked. */
    static String forLog(Object factory) {
        StringBuilder sb = new StringBuilder();
        shown(factory).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * The refusal of a config property, for example {@code PostgresManagedConnectionFactory: config
     * property maxSize=-1 is invalid: maxSize must be >= 1 (maxSize=-1)}. The value as it was
     * configured ("0s", not PT0S), except an address, which may carry a password: that one as the
     * backend reported it, masked; a password's value is left out.
     */
    static InvalidPropertyException invalid(Object factory, InvalidConfigException e) {
        String option = e.option();
        Object configured = option == null ? null : shown(factory).get(option);
        boolean address = option != null && (option.equalsIgnoreCase("uri") || option.equalsIgnoreCase("url"));
        String value = !address && configured != null ? configured.toString() : Secrets.mask(e.value());
        String message = factory.getClass().getSimpleName() + ": config property " + option
                + (option != null && isPassword(option) ? "" : "=" + value) + " is invalid: " + e.getMessage();
        InvalidPropertyException invalid = new InvalidPropertyException(message);
        invalid.initCause(e);
        return invalid;
    }

    private static boolean isPassword(String name) {
        return name.toLowerCase(Locale.ROOT).contains("password");
    }
}

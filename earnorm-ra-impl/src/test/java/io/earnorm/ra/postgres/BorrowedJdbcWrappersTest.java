package io.earnorm.ra.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrappers a borrower's {@code jdbc()} hands out implement every method of their JDBC
 * interface themselves, the interfaces' default methods included: a default left to the
 * interface would run on the wrapper (bypassing the driver's own implementation, and the
 * refusal after the borrow where it calls no other method), and the compiler does not ask for it.
 */
class BorrowedJdbcWrappersTest {

    static Stream<Arguments> wrappers() {
        return Stream.of(
                Arguments.of(BorrowedConnection.class, Connection.class),
                Arguments.of(BorrowedStatement.class, Statement.class),
                Arguments.of(BorrowedPreparedStatement.class, PreparedStatement.class),
                Arguments.of(BorrowedCallableStatement.class, CallableStatement.class),
                Arguments.of(BorrowedResultSet.class, ResultSet.class),
                Arguments.of(BorrowedDatabaseMetaData.class, DatabaseMetaData.class));
    }

    @ParameterizedTest
    @MethodSource("wrappers")
    void everyMethodOfTheInterfaceIsImplementedByAWrapperClass(Class<?> wrapper, Class<?> iface) throws Exception {
        assertThat(iface).isAssignableFrom(wrapper);
        List<String> leftToTheInterface = new ArrayList<>();
        int checked = 0;
        for (Method method : iface.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            checked++;
            Method implementation = wrapper.getMethod(method.getName(), method.getParameterTypes());
            if (implementation.getDeclaringClass().isInterface()) {
                leftToTheInterface.add(signature(method));
            }
        }
        assertThat(leftToTheInterface).as("methods of %s that %s leaves to the interface", iface.getSimpleName(), wrapper.getSimpleName()).isEmpty();
        assertThat(checked).as("methods of %s, its superinterfaces' included", iface.getSimpleName()).isGreaterThanOrEqualTo(iface.getDeclaredMethods().length);
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}

package io.earnorm.ra.spi;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.EarnormConnectionFactory;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ManagedConnection;
import org.junit.jupiter.api.Test;

import javax.naming.Reference;

import static io.earnorm.ra.testsupport.Serialization.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPI contract every connection definition keeps, without an application server: a closed
 * handle is reported to the container with that handle, and the connection factory and the
 * definition survive serialization (servers bind them in JNDI) with definitions equal by config. A
 * definition's {@code Jca*ContractIT} (and {@code ManagedConnectionContractTest} for the fake one)
 * implements it beside its fixture and adds what only its backend does.
 *
 * @param <H> the definition's connection handle
 */
public interface JcaContract<H extends EarnormConnection> {

    /** The definition under test, on the test server. */
    AbstractManagedConnectionFactory<?> definition();

    /** Another definition configured as {@link #definition()} is. */
    AbstractManagedConnectionFactory<?> sameDefinition();

    /** A definition configured as {@link #definition()} is but for one property. */
    AbstractManagedConnectionFactory<?> otherDefinition();

    /** The application-facing connection factory's interface ({@code RedisConnectionFactory}, ...). */
    Class<?> connectionFactoryType();

    /** Its implementation, as ra.xml names it ({@code RedisConnectionFactoryImpl}, ...). */
    Class<?> connectionFactoryImpl();

    /** A real call through {@code handle}, of the backend's own. */
    void use(H handle);

    @Test
    @SuppressWarnings("unchecked")
    default void closingAHandleSendsConnectionClosedWithThatHandle() throws Exception {
        ManagedConnection mc = definition().createManagedConnection(null, null);
        RecordingConnectionEvents events = new RecordingConnectionEvents();
        mc.addConnectionEventListener(events);
        H handle = (H) mc.getConnection(null, null);
        use(handle);

        handle.close();

        assertThat(events.ids()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(events.events.get(0).getConnectionHandle()).isSameAs(handle);
        assertThat(events.events.get(0).getSource()).isSameAs(mc);
        mc.destroy();
    }

    @Test
    default void theFactorySurvivesSerializationAndDefinitionsAreEqualByConfig() throws Exception {
        AbstractManagedConnectionFactory<?> mcf = definition();
        EarnormConnectionFactory<?> factory = (EarnormConnectionFactory<?>) mcf.createConnectionFactory();
        Reference reference = new Reference(connectionFactoryType().getName());
        factory.setReference(reference);

        assertThat(factory).isInstanceOf(connectionFactoryType()).isExactlyInstanceOf(connectionFactoryImpl());
        assertThat(factory.getReference()).isSameAs(reference);
        assertThat(roundTrip(factory)).isInstanceOf(connectionFactoryType());
        assertThat(roundTrip(mcf)).isEqualTo(mcf);
        assertThat(mcf).isEqualTo(sameDefinition()).hasSameHashCodeAs(sameDefinition()).isNotEqualTo(otherDefinition());
    }
}

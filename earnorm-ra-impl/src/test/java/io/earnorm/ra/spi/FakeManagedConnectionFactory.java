package io.earnorm.ra.spi;

import io.earnorm.ra.api.EarnormConnection;
import io.earnorm.ra.api.EarnormConnectionFactory;
import io.earnorm.ra.api.pool.InvalidConfigException;
import io.earnorm.ra.backend.PooledHandle;
import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.Lease;
import jakarta.resource.spi.ConnectionManager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection definition over a backend without I/O, for the contract of the JCA base classes;
 * the real backends' definitions are tested against real servers.
 */
public class FakeManagedConnectionFactory extends AbstractManagedConnectionFactory<FakeManagedConnectionFactory.Link> {

    private static final long serialVersionUID = 1L;

    /** One fake physical connection: who it is authenticated as, and whether it still works. */
    public static final class Link {
        final int number;
        final Credential credential;
        volatile boolean alive = true;
        volatile boolean closed;

        Link(int number, Credential credential) {
            this.number = number;
            this.credential = credential;
        }
    }

    /** The handle applications get. */
    public static final class FakeHandle extends PooledHandle<Link> {
        FakeHandle(Lease<Link> lease) {
            super(lease);
        }

        @Override
        public String backendType() {
            return "fake";
        }

        /** "who am I" on the server. */
        @Override
        public Object execute(String operation, Object... args) {
            Link link = physical();
            if (!link.alive) {
                throw failure(operation, new java.net.SocketException("Connection reset"), true);
            }
            return link.credential.user();
        }

        Link link() {
            return physical();
        }
    }

    /** The application-facing factory. */
    public static final class FakeConnectionFactory extends EarnormConnectionFactoryBase<EarnormConnection>
            implements EarnormConnectionFactory<EarnormConnection> {
        private static final long serialVersionUID = 1L;

        FakeConnectionFactory(AbstractManagedConnectionFactory<?> mcf, ConnectionManager manager) {
            super(mcf, manager, EarnormConnection.class);
        }
    }

    static final AtomicInteger NUMBERS = new AtomicInteger();
    final transient List<Link> opened = new CopyOnWriteArrayList<>();
    private String address = "fake://server";

    public FakeManagedConnectionFactory() {
        setAcquireTimeout("2s");
    }

    /** Where the fake server is. */
    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    @Override
    protected String backendType() {
        return "fake";
    }

    @Override
    protected String describeBackend() {
        return address;
    }

    @Override
    protected void validateBackend() {
        if (address == null || !address.startsWith("fake://")) {
            throw new InvalidConfigException("address", address, "address must start with fake:// (address=" + address + ")");
        }
    }

    @Override
    protected Backend<Link> openBackend(Credential credential) {
        return new Backend<>() {
            @Override
            public String type() {
                return "fake";
            }

            @Override
            public String describe() {
                return address;
            }

            @Override
            public Link open() {
                Link link = new Link(NUMBERS.incrementAndGet(), credential);
                opened.add(link);
                return link;
            }

            @Override
            public boolean validate(Link connection, Duration timeout) {
                return connection.alive;
            }

            @Override
            public void close(Link connection) {
                connection.closed = true;
            }
        };
    }

    @Override
    protected EarnormConnection newHandle(Lease<Link> lease) {
        return new FakeHandle(lease);
    }

    @Override
    protected Object newConnectionFactory(ConnectionManager manager) {
        return new FakeConnectionFactory(this, manager);
    }
}

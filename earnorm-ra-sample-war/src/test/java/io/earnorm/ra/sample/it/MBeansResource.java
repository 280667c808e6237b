package io.earnorm.ra.sample.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/**
 * {@code /api/it/mbeans}: what the server's platform MBean server holds under the adapter's
 * domain, one ObjectName per line; {@code /api/it/mbeans/{pool}/{attribute}}: one attribute.
 */
@Path("it/mbeans")
@Produces(MediaType.TEXT_PLAIN)
public class MBeansResource {

    private static final String PATTERN = "io.earnorm.ra:type=Pool,*";

    @GET
    public String names() throws JMException {
        return server().queryNames(new ObjectName(PATTERN), null).stream().map(ObjectName::toString).sorted()
                .collect(Collectors.joining("\n"));
    }

    @GET
    @Path("{pool}/{attribute}")
    public String attribute(@PathParam("pool") String pool, @PathParam("attribute") String attribute) throws JMException {
        for (ObjectName name : server().queryNames(new ObjectName(PATTERN), null)) {
            if (ObjectName.unquote(name.getKeyProperty("name")).startsWith(pool)) {
                return String.valueOf(server().getAttribute(name, attribute));
            }
        }
        return "no MXBean for pool " + pool;
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }
}

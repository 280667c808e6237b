package io.earnorm.ra.testsupport;

import com.mongodb.spi.dns.DnsClient;
import com.mongodb.spi.dns.DnsClientProvider;
import com.mongodb.spi.dns.DnsException;

import java.util.List;
import java.util.Map;

/**
 * The MongoDB driver's DNS client in the tests (registered in {@code META-INF/services}): a
 * {@code mongodb+srv://} URI makes the driver look up SRV and TXT records, and tests must send no
 * traffic off the machine. Names under {@value #DOMAIN} answer from the table below; any other
 * lookup fails at once, so that a test that would have queried real DNS fails instead.
 */
public final class OfflineDnsClientProvider implements DnsClientProvider {

    /** The made-up domain whose records the tests know. */
    public static final String DOMAIN = "earnorm.test";

    /** TXT records: the URI options a hosting service would publish for its cluster. */
    private static final Map<String, List<String>> TXT = Map.of(
            "cluster0." + DOMAIN, List.of("replicaSet=rs0&authSource=admin"));

    /** SRV records ({@code priority weight port target}) of {@code _mongodb._tcp.<host>}. */
    private static final Map<String, List<String>> SRV = Map.of(
            "_mongodb._tcp.cluster0." + DOMAIN, List.of("0 0 27017 node1.cluster0." + DOMAIN + ".", "0 0 27017 node2.cluster0." + DOMAIN + "."));

    @Override
    public DnsClient create() {
        return (name, type) -> {
            Map<String, List<String>> records = switch (type) {
                case "TXT" -> TXT;
                case "SRV" -> SRV;
                default -> Map.of();
            };
            List<String> answer = records.get(name);
            if (answer == null) {
                throw new DnsException("the tests answer no DNS lookup but their own (" + type + " " + name + ")", null);
            }
            return answer;
        };
    }
}

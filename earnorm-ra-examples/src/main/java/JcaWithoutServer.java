import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.api.PostgresConnectionFactory;
import io.earnorm.ra.spi.postgres.PostgresManagedConnectionFactory;

public class JcaWithoutServer {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
        PostgresManagedConnectionFactory mcf = new PostgresManagedConnectionFactory();
        mcf.setUrl(url);
        mcf.setUser("postgres");
        mcf.setMaxSize(20);
        PostgresConnectionFactory factory = (PostgresConnectionFactory) mcf.createConnectionFactory();
        try (PostgresConnection conn = factory.getConnection()) {
            System.out.println("select 1 -> " + conn.fetchVal("select 1"));
        }
        mcf.close();
    }
}

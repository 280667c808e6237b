import io.earnorm.ra.api.PostgresConnection;
import io.earnorm.ra.postgres.PostgresPool;

import java.util.List;
import java.util.Map;

public class PostgresQuickStart {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
        try (PostgresPool pg = PostgresPool.builder().url(url).user("postgres").build()) {
            pg.init();                                  // a bad address, user or database fails here
            try (PostgresConnection conn = pg.acquire()) {
                conn.execute("create table if not exists audit(id bigserial primary key, who text not null, what text not null,"
                        + " at timestamptz not null default now())");
                long inserted = conn.execute("insert into audit(who, what) values (?, ?)", "john", "login");
                List<Map<String, Object>> rows = conn.fetch("select who, what from audit where who = ?", "john");
                Object count = conn.fetchVal("select count(*) from audit");
                java.sql.Connection jdbc = conn.jdbc(); // statements close with the connection; session state is reset
                System.out.println("inserted " + inserted + ", john has " + rows.size() + " row(s), audit has " + count
                        + " on " + jdbc.getMetaData().getDatabaseProductName());
            }
        }
    }
}

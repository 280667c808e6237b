import io.earnorm.ra.mongo.MongoPool;
import io.earnorm.ra.pool.Pool;
import io.earnorm.ra.pool.PoolManager;

import java.util.Map;

public class PoolManagerQuickStart {

    public static void main(String[] args) {
        String uri = args.length > 0 ? args[0] : "mongodb://localhost:27017";
        PoolManager manager = new PoolManager();        // the seed's manager
        manager.registerPoolType("mongodb", MongoPool::new);
        Pool<?> users = manager.createPool("mongodb", "users", Map.of("uri", uri, "database", "test", "min_size", 5));
        System.out.println("pool " + manager.getPool("users").orElseThrow().name() + " is " + users.stats().state()
                + ", keeping at least " + users.stats().minSize() + " connections open");
        manager.closeAll();                             // closes every pool, then reports all failures at once
    }
}

import io.earnorm.ra.api.RedisConnection;
import io.earnorm.ra.redis.RedisPool;

public class RedisQuickStart {

    public static void main(String[] args) {
        String uri = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
        try (RedisPool redis = RedisPool.builder().uri(uri).maxSize(8).build()) {
            redis.init();                                                   // a bad address or password fails here
            try (RedisConnection conn = redis.acquire()) {
                conn.execute("SET", "greeting", "hello");
                String value = (String) conn.execute("GET", "greeting");
                long visits = conn.commands().incr("visits");               // Jedis's typed commands on this connection
                System.out.println("greeting=" + value + ", visits=" + visits);
            }
        }
    }
}

package io.earnorm.ra.mongo;

import com.mongodb.client.FindIterable;
import org.bson.Document;

import java.util.Map;
import java.util.Set;

/**
 * The last argument of {@code find}: a whole number, the limit, or a map of options with the keys
 * {@code sort}, {@code projection}, {@code skip} and {@code limit}. A limit of 0 means none, as in
 * MongoDB.
 */
final class MongoFindOptions {

    static final Set<String> KEYS = Set.of("sort", "projection", "skip", "limit");

    private MongoFindOptions() {
    }

    static FindIterable<Document> apply(FindIterable<Document> find, Object options, MongoArguments a) {
        if (!(options instanceof Map<?, ?> map)) {
            if (options instanceof Number) {
                return find.limit(a.count(options, "limit"));
            }
            throw a.refusal("the last argument must be a limit (a whole number) or a Map of options " + KEYS
                    + ", not a " + options.getClass().getName());
        }
        FindIterable<Document> result = find;
        for (Map.Entry<?, ?> option : map.entrySet()) {
            Object value = option.getValue();
            if (value == null) {
                throw a.refusal("option " + option.getKey() + " must not be null");
            }
            String key = String.valueOf(option.getKey());
            result = switch (key) {
                case "sort" -> result.sort(a.toBson(value, "sort"));
                case "projection" -> result.projection(a.toBson(value, "projection"));
                case "skip" -> result.skip(a.count(value, "skip"));
                case "limit" -> result.limit(a.count(value, "limit"));
                default -> throw a.refusal("unknown option '" + key + "'; the options are " + KEYS);
            };
        }
        return result;
    }
}

package io.earnorm.ra.mongo;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;

import java.util.ArrayList;
import java.util.List;

/** Turns BSON values into the Java values a {@link Document} holds (String, Integer, ObjectId, Document, List...). */
final class MongoValues {

    private static final String FIELD = "v";

    private MongoValues() {
    }

    /** Decodes each value exactly as it would be decoded as a field of a {@link Document}. */
    static List<Object> toJava(List<BsonValue> values, CodecRegistry registry) {
        BsonDocument holder = new BsonDocument();
        for (int i = 0; i < values.size(); i++) {
            holder.put(FIELD + i, values.get(i));
        }
        Document decoded = registry.get(Document.class).decode(new BsonDocumentReader(holder), DecoderContext.builder().build());
        List<Object> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            result.add(decoded.get(FIELD + i));
        }
        return result;
    }
}

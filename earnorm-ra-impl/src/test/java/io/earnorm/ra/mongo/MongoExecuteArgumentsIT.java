package io.earnorm.ra.mongo;

import io.earnorm.ra.api.MongoConnection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wrong uses of {@code execute}: each refused before anything reaches the server, with a message
 * that names the operation and what it expected, and the connection left as it was.
 */
class MongoExecuteArgumentsIT extends MongoFixture {

    private MongoConnection conn;

    @BeforeEach
    void borrow() {
        conn = closeLater(open(sharedServerPool().maxSize(1)).acquire());
    }

    @AfterEach
    void connectionIsUnharmed() {
        assertThat(conn.isStale()).isFalse();
        assertThat(conn.execute("count_documents", "users")).isEqualTo(0L);
    }

    @Test
    void anUnknownOperationIsUnsupportedAndTheKnownOnesAreListed() {
        assertThatThrownBy(() -> conn.execute("findOne", "users"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("mongodb has no operation 'findOne'; the operations are [aggregate, count_documents, create_index, delete_many,"
                        + " delete_one, distinct, drop, find, find_one, insert_many, insert_one, replace_one, update_many, update_one]");
        assertThatThrownBy(() -> conn.execute(null, "users"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an operation name");
    }

    @Test
    void aWrongArgumentCountNamesTheSignature() {
        assertThatThrownBy(() -> conn.execute("find_one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mongodb find_one(collection[, filter[, projection]]): expects 1 to 3 arguments but got 0");
        assertThatThrownBy(() -> conn.execute("insert_one", "users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mongodb insert_one(collection, document): expects 2 arguments but got 1");
        assertThatThrownBy(() -> conn.execute("drop", "users", "extra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mongodb drop(collection): expects 1 argument but got 2");
    }

    @Test
    void theCollectionNameMustBeANonBlankString() {
        assertThatThrownBy(() -> conn.execute("find", (Object) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mongodb find(collection[, filter[, limit | options]]): the first argument must be the collection name,"
                        + " a non-blank String, not null");
        assertThatThrownBy(() -> conn.execute("find", 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a java.lang.Integer");
        assertThatThrownBy(() -> conn.execute("count_documents", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mongodb count_documents(collection[, filter]): the collection name must not be blank");
    }

    @Test
    void aFilterOfTheWrongTypeOrNullIsRefusedByName() {
        assertThatThrownBy(() -> conn.execute("find_one", "users", "name=John"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mongodb find_one(collection[, filter[, projection]]): filter must be a Document, a Map or another Bson,"
                        + " not a java.lang.String");
        assertThatThrownBy(() -> conn.execute("delete_many", "users", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mongodb delete_many(collection, filter): filter must not be null (for no filter pass an empty Document)");
        Map<Object, Object> numericKey = new HashMap<>();
        numericKey.put(1, "x");
        assertThatThrownBy(() -> conn.execute("count_documents", "users", numericKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filter has a key that is a java.lang.Integer; field names must be Strings");
    }

    @Test
    void documentsListsAndFlagsAreCheckedByType() {
        assertThatThrownBy(() -> conn.execute("insert_one", "users", List.of(new Document("a", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("insert_one(collection, document): document must be a Document or a Map, not a java.util");
        assertThatThrownBy(() -> conn.execute("insert_many", "users", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documents must hold at least one document");
        assertThatThrownBy(() -> conn.execute("insert_many", "users", List.of(new Document("a", 1), "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documents[1] must be a Document or a Map");
        assertThatThrownBy(() -> conn.execute("update_one", "users", new Document(), new Document("$set", new Document("a", 1)), "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mongodb update_one(collection, filter, update[, upsert]): upsert must be a Boolean, not a java.lang.String");
        assertThatThrownBy(() -> conn.execute("aggregate", "users", new Document("$match", new Document())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pipeline must be a List");
        assertThatThrownBy(() -> conn.execute("distinct", "users", 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field must be a non-blank String");
    }

    @Test
    void findLimitsAndOptionsAreChecked() {
        assertThatThrownBy(() -> conn.execute("find", "users", new Document(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be between 0 and");
        assertThatThrownBy(() -> conn.execute("find", "users", new Document(), 2.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be a whole number");
        assertThatThrownBy(() -> conn.execute("find", "users", new Document(), Map.of("order", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option 'order'; the options are");
        assertThatThrownBy(() -> conn.execute("find", "users", new Document(), "10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the last argument must be a limit (a whole number) or a Map of options");
        assertThatThrownBy(() -> conn.execute("aggregate", "users", List.of(new Document("$out", "copy")), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a limit cannot follow a $out or $merge stage");
    }

    @Test
    void valuesTheDriverCannotSendAreArgumentErrorsNamingTheOperation() {
        assertThatThrownBy(() -> conn.execute("replace_one", "users", new Document(), new Document("$set", new Document("a", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mongodb replace_one(collection, filter, replacement[, upsert]): ")
                .hasMessageContaining("$set");
        assertThatThrownBy(() -> conn.execute("update_one", "users", new Document(), new Document("a", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mongodb update_one(");
        assertThatThrownBy(() -> conn.execute("insert_one", "users", new Document("value", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mongodb insert_one(collection, document): ")
                .hasMessageContaining("codec");
    }
}

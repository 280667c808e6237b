package io.earnorm.ra.mongo;

/** An argument of {@code execute} that {@link MongoArguments} refused, as opposed to one the driver refused. */
final class MongoArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MongoArgumentException(String message) {
        super(message);
    }
}

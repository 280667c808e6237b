package io.earnorm.ra.sample;

import java.util.Map;

/**
 * A request the API refuses, with the HTTP status, a stable error code and a message that names
 * what was wrong. {@link ApiExceptionMapper} turns it into a JSON body. Unchecked, so that a
 * container-managed transaction it leaves is rolled back.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final Map<String, Object> details;

    public ApiException(int status, String error, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.error = error;
        this.details = Map.copyOf(details);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "invalid_request", message, Map.of("field", field));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, Map.of());
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(409, "conflict", message, Map.of("field", field));
    }

    public static ApiException rateLimited(int limit, int windowSeconds, long retryAfterSeconds) {
        return new ApiException(429, "rate_limited", "at most " + limit + " writes in " + windowSeconds + "s per client; retry in " + retryAfterSeconds + "s",
                Map.of("limit", limit, "retryAfterSeconds", retryAfterSeconds));
    }

    public static ApiException unavailable(String backend, Throwable cause) {
        ApiException e = new ApiException(503, "backend_unavailable", backend + " is unavailable: " + cause.getMessage(), Map.of("backend", backend));
        e.initCause(cause);
        return e;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Extra fields of the JSON body: the field at fault, the limit, ... */
    public Map<String, Object> details() {
        return details;
    }
}

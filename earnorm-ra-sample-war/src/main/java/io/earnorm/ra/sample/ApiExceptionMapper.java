package io.earnorm.ra.sample;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refused request as JSON, {@code {"error": "conflict", "message": "...", "field": "email"}};
 * a rate-limited one also gets a {@code Retry-After} header.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("error", e.error()).add("message", e.getMessage());
        e.details().forEach((name, value) -> {
            if (value instanceof Integer i) {
                body.add(name, i);
            } else if (value instanceof Long l) {
                body.add(name, l);
            } else {
                body.add(name, String.valueOf(value));
            }
        });
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body.build());
        Object retryAfter = e.details().get("retryAfterSeconds");
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }
}

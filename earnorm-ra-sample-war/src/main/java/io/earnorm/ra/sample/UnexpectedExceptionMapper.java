package io.earnorm.ra.sample;

import io.earnorm.ra.api.EarnormBackendException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.lang.System.Logger.Level;

/**
 * Anything else as JSON, never a stack trace: a lost backend connection is 503, the rest 500. The
 * stack trace goes to the server log.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        LOG.log(Level.WARNING, "request failed", e);
        EarnormBackendException backend = backendFailure(e);
        if (backend != null && backend.connectionLost()) {
            return json(503, "backend_unavailable", backend.backendType() + " connection lost: " + backend.getMessage());
        }
        if (backend != null) {
            return json(500, "backend_error", backend.getMessage());
        }
        return json(500, "internal_error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static EarnormBackendException backendFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EarnormBackendException b) {
                return b;
            }
        }
        return null;
    }

    private static Response json(int status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", error).add("message", String.valueOf(message)).build())
                .build();
    }
}

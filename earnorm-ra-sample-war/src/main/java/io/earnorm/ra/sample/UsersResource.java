package io.earnorm.ra.sample;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.regex.Pattern;

/** {@code /api/users}: create, read, list and delete users, and read their audit trail. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** Header naming the client for the rate limit; without it, the client's address counts. */
    public static final String CLIENT_HEADER = "X-Client-Id";
    /** Response header: {@code hit} when the user came from the Redis cache, else {@code miss}. */
    public static final String CACHE_HEADER = "X-Cache";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    UserDirectory directory;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    @POST
    public Response create(String body, @HeaderParam(CLIENT_HEADER) String clientId) {
        User user = directory.create(NewUser.parse(body), client(clientId));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.id()).build()).entity(user).build();
    }

    @GET
    public List<User> list() {
        return directory.list();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        UserDirectory.Found found = directory.find(id).orElseThrow(() -> ApiException.notFound("no user with id " + id));
        return Response.ok(found.user()).header(CACHE_HEADER, found.fromCache() ? "hit" : "miss").build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(CLIENT_HEADER) String clientId) {
        directory.delete(id, client(clientId));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/audit")
    public List<AuditEntry> audit(@PathParam("id") String id) {
        return directory.auditOf(id);
    }

    private String client(String clientId) {
        if (clientId == null) {
            return request.getRemoteAddr();
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw ApiException.badRequest(CLIENT_HEADER, CLIENT_HEADER + " must be 1 to 64 letters, digits or . _ : -");
        }
        return clientId;
    }
}

package dev.chipevents.common.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** RFC 8288 Link headers for keyset pages. */
public final class Links {

    private Links() {
    }

    public static Response.ResponseBuilder withNext(Response.ResponseBuilder answer, UriInfo uri, String nextCursor) {
        if (nextCursor != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build().toString();
            answer.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return answer;
    }
}

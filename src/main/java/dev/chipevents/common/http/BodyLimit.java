package dev.chipevents.common.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.problem.PayloadTooLargeProblem;

/**
 * The HTTP layer accepts bodies up to the bulk-import limit (quarkus.http.limits.max-body-size);
 * every other endpoint gets the smaller chip-events.max-body-size (1 MiB by default), checked on the
 * declared length and, for chunked bodies, while reading.
 */
public class BodyLimit {

    private final long limit;

    public BodyLimit(ChipEventsConfig config) {
        this.limit = config.maxBodySize().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().endsWith("/events/import")) {
            return;
        }
        if (request.getLength() > limit) {
            throw new PayloadTooLargeProblem(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeProblem(limit);
            }
        }
    }
}

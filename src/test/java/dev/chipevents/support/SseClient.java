package dev.chipevents.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client that reads a stream as a browser's EventSource does (the HTML standard's
 * parsing rules): a message is dispatched at a blank line, an `id` field sets the last event id even on a
 * message without data (which dispatches no event), a message cut off by the end of the stream is dropped.
 */
public final class SseClient implements AutoCloseable {

    /** A dispatched event. */
    public record Message(String id, String event, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Message END = new Message(null, null, null);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile String lastEventId;
    private volatile int comments;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response, String lastEventId) {
        this.response = response;
        this.lastEventId = lastEventId;
        this.reader = new Thread(this::read, "sse-client");
        this.reader.setDaemon(true);
        if (response.statusCode() == 200) {
            this.reader.start();
        }
    }

    /** Opens a stream; `lastEventId` is sent as Last-Event-ID when not null. */
    public static SseClient open(URI uri, String lastEventId, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), lastEventId);
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of an answer that is not a stream (a problem). */
    public String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The next event, or null when none came in time or the stream ended. */
    public Message next(Duration timeout) throws InterruptedException {
        if (ended && messages.isEmpty()) {
            return null;
        }
        Message message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == END) {
            messages.offer(END);
            return null;
        }
        return message;
    }

    /** Every event that arrives within the time. */
    public List<Message> drain(Duration quiet) throws InterruptedException {
        List<Message> all = new ArrayList<>();
        Message message;
        while ((message = next(quiet)) != null) {
            all.add(message);
        }
        return all;
    }

    public String lastEventId() {
        return lastEventId;
    }

    public int comments() {
        return comments;
    }

    /** True once the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    /**
     * Closes the connection at whatever point it is (maybe inside a message) and gives the events already
     * dispatched but not yet taken: afterwards {@link #lastEventId()} is where a reconnect resumes.
     */
    public List<Message> closeAndDrain() throws InterruptedException {
        close();
        reader.join(10_000);
        List<Message> rest = new ArrayList<>();
        Message message;
        while ((message = messages.poll()) != null) {
            if (message != END) {
                rest.add(message);
            }
        }
        messages.offer(END);
        return rest;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.interrupt();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (id != null) {
                        lastEventId = id;
                    }
                    if (data != null) {
                        messages.add(new Message(lastEventId, event == null ? "message" : event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    comments++;
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                        // retry and unknown fields
                    }
                }
            }
        } catch (IOException e) {
            // closed by either side
        } finally {
            ended = true;
            messages.add(END);
        }
    }
}

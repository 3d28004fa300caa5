package dev.chipevents.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request body received whole into a temporary file before any work starts, with its SHA-256: a
 * slow client then holds no database connection, and a retried request is recognised by its digest
 * without keeping the body in memory. Deleted on close.
 */
public final class SpooledBody implements AutoCloseable {

    private final Path file;
    private final String sha256;

    private SpooledBody(Path file, String sha256) {
        this.file = file;
        this.sha256 = sha256;
    }

    public static SpooledBody receive(InputStream body) throws IOException {
        Path file = Files.createTempFile("chip-events-body-", ".tmp");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                body.transferTo(out);
            }
            return new SpooledBody(file, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(e);
        }
    }

    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}

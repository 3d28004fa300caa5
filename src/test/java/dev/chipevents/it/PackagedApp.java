package dev.chipevents.it;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged application (target/quarkus-app) as a real process, the way an operator does.
 * On a PostgreSQL build the database comes from CHIP_EVENTS_IT_JDBC_URL (and _USER, _PASSWORD);
 * on the H2 build from a data folder of the caller's.
 */
final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private PackagedApp(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts the app on an empty database, as a new user's first start finds it (see {@link #emptyDatabase}). */
    static PackagedApp startFresh(Path dataDir, Map<String, String> extraEnv) throws Exception {
        emptyDatabase();
        return start(dataDir, extraEnv);
    }

    /** Starts the app on the database as it is: a restart, or a second replica beside a first. */
    static PackagedApp start(Path dataDir, Map<String, String> extraEnv) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw verify (the package phase builds it)");
        }
        int[] ports = twoFreePorts();
        int port = ports[0];
        Path log = Files.createTempFile("chip-events-it", ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        int managementPort = ports[1];
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort)); // not the fixed 9000: other apps may run beside
        env.put("CHIP_EVENTS_DATA_DIR", dataDir.toAbsolutePath().toString());
        String jdbc = System.getenv("CHIP_EVENTS_IT_JDBC_URL");
        if (jdbc != null && !jdbc.isBlank()) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
            env.put("QUARKUS_DATASOURCE_USERNAME", System.getenv().getOrDefault("CHIP_EVENTS_IT_DB_USER", "chip"));
            env.put("QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("CHIP_EVENTS_IT_DB_PASSWORD", "chip"));
        }
        env.putAll(extraEnv);
        PackagedApp app = new PackagedApp(builder.start(), port, managementPort, log);
        app.awaitReady(Duration.ofSeconds(90));
        return app;
    }

    /**
     * The database a first start finds, as a new user's: on the H2 build a new data folder is already empty; on the
     * PostgreSQL build the one CHIP_EVENTS_IT_JDBC_URL names, shared by the integration tests, is emptied (its schema
     * dropped and made again) before each test's first start.
     */
    static void emptyDatabase() throws SQLException {
        String jdbc = System.getenv("CHIP_EVENTS_IT_JDBC_URL");
        if (jdbc == null || jdbc.isBlank()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbc, System.getenv().getOrDefault("CHIP_EVENTS_IT_DB_USER", "chip"),
                System.getenv().getOrDefault("CHIP_EVENTS_IT_DB_PASSWORD", "chip"));
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** The management interface: /q/metrics. */
    String managementUri() {
        return "http://localhost:" + managementPort;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, as Kubernetes sends it, and wait for a graceful exit. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, as when a node dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(baseUri() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The app was not ready within " + timeout + ":\n" + log());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }

    /**
     * Two ports free now, and different: both sockets are held open until both are chosen. Chosen one after the other,
     * the system once gave the second the port it had just given the first; the app then served its management interface
     * (health included) on the port its API should have had, and answered the API's paths 404.
     */
    private static int[] twoFreePorts() throws IOException {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            return new int[]{ first.getLocalPort(), second.getLocalPort() };
        }
    }
}

package dev.chipevents.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

/** The Dockerfile and the Kubernetes manifests, checked against the build and our rules (no cluster here). */
class DeploymentFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** What the Quarkus fast-jar build writes (target/quarkus-app). */
    private static final List<String> FAST_JAR = List.of("lib/", "app/", "quarkus/", "quarkus-run.jar");

    @Test
    void dockerfileBuildsWithTheWrapperAndShipsOnlyTheFastJarAsNonRoot() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, froms.size(), "build and runtime stages: " + froms);
        assertTrue(froms.get(0).contains("jdk") && froms.get(0).endsWith("AS build"), froms.get(0));
        assertTrue(froms.get(1).contains("jre"), "runtime on a JRE: " + froms.get(1));
        assertTrue(lines.stream()
                .anyMatch(l -> l.contains("./mvnw") && l.contains("package") && l.contains("-Dquarkus.datasource.db-kind=${DB_KIND}")));
        assertTrue(lines.contains("ARG DB_KIND=postgresql"), "the PostgreSQL build by default");
        List<String> copies = lines.stream().filter(l -> l.startsWith("COPY --from=build")).toList();
        assertEquals(FAST_JAR.size(), copies.size(), "only the fast-jar is copied: " + copies);
        for (String part : FAST_JAR) {
            assertTrue(copies.stream().anyMatch(c -> c.contains("/build/target/quarkus-app/" + part)), "copies " + part);
        }
        Path built = Path.of("target", "quarkus-app");
        if (Files.isDirectory(built)) {
            for (String part : FAST_JAR) {
                assertTrue(Files.exists(built.resolve(part)), "the build writes " + part + " (else the Dockerfile copies nothing)");
            }
        }
        String user = lines.stream().filter(l -> l.startsWith("USER ")).findFirst().orElseThrow();
        assertTrue(user.matches("USER [1-9][0-9]*"), "a numeric non-root user: " + user);
        assertTrue(lines.contains("EXPOSE 8080"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("MaxRAMPercentage")), "JVM memory sized from the container limit");
        // AppCDS: the build makes the app able to write the archive, the runtime's JVM writes it, the entry point reads it.
        assertTrue(lines.stream().anyMatch(l -> l.contains("./mvnw") && l.contains("-Dquarkus.package.jar.appcds.enabled=true")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN java ") && l.contains("-XX:ArchiveClassesAtExit=app-cds.jsa")
                && l.contains("-Dquarkus.appcds.generate=true")), "the archive is written in the runtime stage");
        String entry = lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        assertTrue(entry.contains("-XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar"), entry);
        assertTrue(lines.contains("WORKDIR /deployments"), "the jar is named relative to the folder the archive was written in");
        assertTrue(Files.readString(Path.of(".dockerignore")).contains("target/"));
    }

    /**
     * The heap share leaves the JVM's own memory room under the pod's limit: classes, compiled code, threads and
     * buffers took about 200 MB beside the heap in docs/benchmarks.md ("Memory in the container"), so with 75% of
     * 512 MiB the process reached 579 MB.
     */
    @Test
    void theHeapLeavesRoomForTheJvmUnderThePodsMemoryLimit() throws IOException {
        String opts = Files.readAllLines(Path.of("Dockerfile")).stream().map(String::strip).filter(l -> l.startsWith("JAVA_OPTS=\""))
                .findFirst().orElseThrow();
        Matcher share = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(opts);
        assertTrue(share.find(), opts);
        String limit = documents(Path.of("k8s/base/deployment.yaml")).get(0).at("/spec/template/spec/containers/0/resources/limits/memory")
                .asText();
        assertTrue(limit.endsWith("Mi"), limit);
        double limitMb = Integer.parseInt(limit.substring(0, limit.length() - 2)) * 1.048576;
        double heapMb = limitMb * Double.parseDouble(share.group(1)) / 100;
        assertTrue(heapMb + 200 <= limitMb, String.format("a heap of %.0f MB leaves less than 200 MB of %.0f MB", heapMb, limitMb));
        assertTrue(opts.contains("-XX:TrimNativeHeapInterval="), "freed native memory is given back: " + opts);
        assertTrue(Files.readString(Path.of("bench/lib.sh")).contains("JAVA_OPTS"), "the benchmark reads the flags from the Dockerfile");
    }

    @Test
    void baseDeploymentHasProbesLimitsAndARestrictedSecurityContext() throws IOException {
        JsonNode deployment = documents(Path.of("k8s/base/deployment.yaml")).get(0);
        JsonNode pod = deployment.at("/spec/template/spec");
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        for (JsonNode container : pod.get("containers")) {
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
            for (String kind : List.of("requests", "limits")) {
                assertFalse(container.at("/resources/" + kind + "/cpu").isMissingNode(), kind + " cpu");
                assertFalse(container.at("/resources/" + kind + "/memory").isMissingNode(), kind + " memory");
            }
            JsonNode security = container.get("securityContext");
            assertFalse(security.get("allowPrivilegeEscalation").asBoolean());
            assertTrue(security.get("readOnlyRootFilesystem").asBoolean());
            assertEquals("ALL", security.at("/capabilities/drop/0").asText());
        }
    }

    @Test
    void embeddedOverlayCannotScaleBeyondOneWriter() throws IOException {
        JsonNode patch = documents(Path.of("k8s/overlays/embedded/deployment-patch.yaml")).get(0);
        assertEquals(1, patch.at("/spec/replicas").asInt());
        assertEquals("Recreate", patch.at("/spec/strategy/type").asText());
        String kustomization = Files.readString(Path.of("k8s/overlays/embedded/kustomization.yaml"));
        assertTrue(kustomization.contains("$patch: delete") && kustomization.contains("kind: HorizontalPodAutoscaler"),
                "the autoscaler is removed");
        JsonNode pvc = documents(Path.of("k8s/overlays/embedded/pvc.yaml")).get(0);
        assertEquals("ReadWriteOnce", pvc.at("/spec/accessModes/0").asText());
    }

    @Test
    void postgresOverlayRunsSeveralReplicasAgainstPostgres() throws IOException {
        assertTrue(documents(Path.of("k8s/overlays/postgres/deployment-patch.yaml")).get(0).at("/spec/replicas").asInt() > 1);
        assertTrue(Files.readString(Path.of("k8s/overlays/postgres/kustomization.yaml"))
                .contains("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://"));
    }

    @Test
    void everyManifestParses() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("k8s"))) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertTrue(yaml.size() >= 10, yaml.toString());
            for (Path file : yaml) {
                for (JsonNode document : documents(file)) {
                    assertNotNull(document.get("apiVersion"), file + " has apiVersion");
                    assertNotNull(document.get("kind"), file + " has kind");
                }
            }
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            it.forEachRemaining(documents::add);
        }
        return documents;
    }
}

# syntax=docker/dockerfile:1
# Chip Events container image.
#   docker build -t chip-events .                          # PostgreSQL build (production)
#   docker build -t chip-events:h2 --build-arg DB_KIND=h2 .  # embedded H2 build (one replica)

FROM eclipse-temurin:17-jdk AS build
ARG DB_KIND=postgresql
WORKDIR /build
# Dependencies first, so that a source change does not download them again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline -Dquarkus.datasource.db-kind=${DB_KIND}
COPY src src
COPY openapi openapi
RUN ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=${DB_KIND}

FROM eclipse-temurin:17-jre AS runtime
# Half the container's memory for the heap: the JVM's own memory (classes, compiled code, threads) takes about 200 MB
# more, so in the 512 MiB pod a larger heap goes past the limit. The live data stays near 100 MB, even during an
# import. TrimNativeHeapInterval gives the C library's freed memory back every 5 s (docs/benchmarks.md, "Memory in
# the container"). bench/ starts the service with these same flags.
ENV LANG=C.UTF-8 \
    CHIP_EVENTS_DATA_DIR=/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:InitialRAMPercentage=25 -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -Djava.security.egd=file:/dev/urandom"
RUN groupadd --system --gid 10001 chip && useradd --system --uid 10001 --gid chip --no-create-home chip \
    && mkdir -p /deployments /data && chown 10001:10001 /data
WORKDIR /deployments
# Only the runtime files of the Quarkus fast-jar.
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/quarkus-run.jar /deployments/quarkus-run.jar
USER 10001
EXPOSE 8080
# the management interface: /q/metrics for Prometheus
EXPOSE 9000
# exec: java is PID 1 and gets SIGTERM, so in-flight requests finish (quarkus.shutdown.timeout).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]

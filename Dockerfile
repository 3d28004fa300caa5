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
# appcds.enabled: the app can write an AppCDS archive of the classes its start loads (done below, by the runtime's JVM).
RUN ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=${DB_KIND} -Dquarkus.package.jar.appcds.enabled=true

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
# The AppCDS archive, written by this image's own JVM (an archive serves only the JVM build that wrote it): the app
# loads its classes and exits without starting. With it the service was ready about 0.5 s sooner (docs/benchmarks.md).
RUN java $JAVA_OPTS -XX:MaxRAM=512m -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -jar quarkus-run.jar \
    >/dev/null && test -s app-cds.jsa
USER 10001
EXPOSE 8080
# the management interface: /q/metrics for Prometheus
EXPOSE 9000
# exec: java is PID 1 and gets SIGTERM, so in-flight requests finish (quarkus.shutdown.timeout).
# The archive works only with the jar named as it was when written: relative, from WORKDIR /deployments.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar"]

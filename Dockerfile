# One image for both parts of MASH Live; MASH_ROLE picks backend or wallboard (or all).
# Build stage: the Maven wrapper on a JDK 25; Vaadin uses its pre-compiled bundle, so no Node.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# dependencies first, in their own layer, so a source change does not download them again
RUN ./mvnw -B -ntp -q dependency:go-offline || true
COPY src/ src/
COPY frontend/ frontend/
RUN VAADIN_USAGE_STATS_ENABLED=false ./mvnw -B -ntp -DskipTests package
# the jar unpacked, its libraries beside it, as the JVM's AOT cache needs (README, "Starting in seconds")
RUN java -Djarmode=tools -jar target/mash-live.jar extract --destination target/app

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 mash && mkdir /app && chown mash /app
WORKDIR /app
USER mash
ENV MASH_ROLE=all \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
COPY --from=build --chown=mash /src/target/app/ /app/
# A training run: both parts start on the embedded database and stop again, and the JVM writes what
# the start loaded and linked to /app/mash-live.aot, which every start below then maps instead. A
# cache this JVM cannot use is set aside with a warning, never a failed start.
RUN java -XX:AOTCacheOutput=/app/mash-live.aot -jar /app/mash-live.jar --mash.exit-after-start=true \
        --mash.backend.port=0 --mash.rsocket.port=0 --mash.wallboard.port=0 --mash.simulation.enabled=false
EXPOSE 8080 7000 8081
ENTRYPOINT ["java", "-XX:AOTCache=/app/mash-live.aot", "-jar", "/app/mash-live.jar"]

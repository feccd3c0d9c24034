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

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 mash
WORKDIR /app
COPY --from=build /src/target/mash-live.jar /app/mash-live.jar
USER mash
ENV MASH_ROLE=all \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080 7000 8081
ENTRYPOINT ["java", "-jar", "/app/mash-live.jar"]

# The application image for a server install (see docker-compose.yml). Build the jar first: mvn -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/civatlas-*.jar /app/civatlas.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/civatlas.jar"]

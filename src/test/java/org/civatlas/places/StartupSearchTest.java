package org.civatlas.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.civatlas.CivatlasApplication;
import org.civatlas.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Someone searches while the application is still starting on a fresh data folder (the demo data and the gazetteer
 * are loaded after the web server already answers): once it has started, the search finds the seeded names. An index
 * built during the load must not stay as it was then.
 */
class StartupSearchTest {

    @Test
    void aSearchSentDuringStartUpDoesNotLeaveTheIndexEmpty(@TempDir Path dataDir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(CivatlasApplication.class).run(
                        "--server.port=" + port,
                        "--civatlas.data-dir=" + dataDir,
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("civatlas") + ";AUTO_SERVER=FALSE"));
        Http http = new Http(port);
        int answeredWhileStarting = 0;
        while (!starting.isDone()) {
            try {
                if (http.get("/api/places/search?q=shule").status() == 200) {
                    answeredWhileStarting++;
                }
            } catch (IllegalStateException notListeningYet) {
                Thread.sleep(20);
            }
        }
        try (ConfigurableApplicationContext context = starting.get(5, TimeUnit.MINUTES)) {
            System.out.println("[civatlas] searches answered while the application was starting: "
                    + answeredWhileStarting);
            assertThat(answeredWhileStarting).as("the test searched while the data was loading").isPositive();
            Http.Response after = http.get("/api/places/search?q=shule");
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json().path("results").size()).isPositive();
            assertThat(after.json().path("results").get(0).path("name").asString()).isEqualTo("疏勒县");
        }
    }
}

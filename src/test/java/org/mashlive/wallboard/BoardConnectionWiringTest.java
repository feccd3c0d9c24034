package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.rsocket.autoconfigure.RSocketStrategiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The connection as the wall-board context wires it: Boot's codecs, bound settings, started and stopped with the context. */
class BoardConnectionWiringTest {

    private final TestBoardServer server = TestBoardServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BackendProperties.class)
    static class Settings {
    }

    @Test
    void startsWithTheContextSpeaksJsonWithTheServerAndStopsWithTheContext() throws Exception {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                        RSocketStrategiesAutoConfiguration.class))
                .withUserConfiguration(Settings.class, WallboardConfiguration.class, BoardConnection.class)
                .withBean(BackendCredentials.class, BackendCredentials::none)
                .withPropertyValues("mash.wallboard.backend.host=127.0.0.1",
                        "mash.wallboard.backend.rsocket-port=" + server.port())
                .run(context -> {
                    assertThat(context).hasSingleBean(Clock.class);
                    var settings = context.getBean(BackendProperties.class);
                    assertThat(settings.staleAfter()).hasSeconds(15);
                    assertThat(settings.minBackoff()).hasMillis(500);

                    var connection = context.getBean(BoardConnection.class);
                    assertThat(server.requests.poll(5, TimeUnit.SECONDS)).as("subscribed on start").isNotNull();
                    var now = Instant.now();
                    server.send(BoardUpdate.of(Cards.snapshot(7, now, List.of(), Map.of(), List.of())));
                    await().atMost(5, TimeUnit.SECONDS)
                            .until(() -> connection.read(BoardState::seq).equals(Optional.of(7L)));
                    assertThat(connection.liveness().live()).isTrue();
                    assertThat(connection.isRunning()).isTrue();

                    context.close();
                    assertThat(connection.isRunning()).isFalse();
                    assertThat(connection.liveness().live()).isFalse();
                });
    }
}

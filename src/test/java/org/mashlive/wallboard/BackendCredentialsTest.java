package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.netty.buffer.Unpooled;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.WellKnownAuthType;
import org.junit.jupiter.api.Test;
import org.mashlive.MashLive;
import org.mashlive.board.api.Access;

class BackendCredentialsTest {

    private static BackendProperties settings(String token, String username, String password) {
        return new BackendProperties("localhost", 7000, Duration.ofSeconds(15), Duration.ofMillis(500),
                Duration.ofSeconds(10), token, username, password);
    }

    @Test
    void aConfiguredTokenIsSentAsBearer() {
        var metadata = Unpooled.wrappedBuffer(BackendCredentials.of(settings("tok-1", null, null), false).metadata());
        assertThat(AuthMetadataCodec.readWellKnownAuthType(metadata)).isEqualTo(WellKnownAuthType.BEARER);
        assertThat(new String(AuthMetadataCodec.readBearerTokenAsCharArray(metadata))).isEqualTo("tok-1");
    }

    @Test
    void aConfiguredUserIsSentAsSimple() {
        var metadata = Unpooled.wrappedBuffer(BackendCredentials.of(settings(null, "board.tv", "pw"), false).metadata());
        assertThat(AuthMetadataCodec.readWellKnownAuthType(metadata)).isEqualTo(WellKnownAuthType.SIMPLE);
        assertThat(AuthMetadataCodec.readUsername(metadata).toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("board.tv");
    }

    @Test
    void theDemoSendsTheDemoTokenAndAnythingElseMustBeConfigured() {
        var metadata = Unpooled.wrappedBuffer(BackendCredentials.of(settings(null, null, null), true).metadata());
        assertThat(AuthMetadataCodec.readWellKnownAuthType(metadata)).isEqualTo(WellKnownAuthType.BEARER);
        assertThat(new String(AuthMetadataCodec.readBearerTokenAsCharArray(metadata))).isEqualTo(Access.DEMO_BOARD_TOKEN);
        assertThatThrownBy(() -> BackendCredentials.of(settings(null, null, null), false))
                .hasMessageContaining("mash.wallboard.backend.token");
        assertThatThrownBy(() -> BackendCredentials.of(settings(null, "board.tv", null), false))
                .hasMessageContaining("mash.wallboard.backend.password");
    }

    @Test
    void aWallboardThatIsNoDemoDoesNotStartWithoutUsers() {
        assertThatThrownBy(() -> MashLive.start("--mash.role=wallboard", "--mash.wallboard.port=0",
                "--mash.wallboard.backend.host=backend.example", "--mash.wallboard.backend.token=t"))
                .hasStackTraceContaining("No way to sign in to the wall-board is configured");
    }
}

package org.mashlive;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.metadata.AuthMetadataCodec;
import org.mashlive.board.api.Access;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MimeType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one place tests make HTTP and RSocket clients of a running backend, so that how a client
 * signs in is decided here once for every test. HTTP clients sign in as {@link #DUTY_LEAD} (who may
 * take contacts in, screen and read) unless told otherwise; RSocket clients as the demo board token.
 */
public final class TestClients {

    /** Who a client signs in as. */
    public sealed interface Identity {
    }

    /** A user with a password: HTTP Basic, or RSocket simple authentication. */
    public record User(String username, String password) implements Identity {
    }

    /** A bearer board token (RSocket only). */
    public record Token(String token) implements Identity {
    }

    /** No credentials at all. */
    public record Nobody() implements Identity {
    }

    public static final Identity DUTY_LEAD = new User("duty.lead", Access.DEMO_PASSWORD);
    public static final Identity BOARD = new Token(Access.DEMO_BOARD_TOKEN);
    public static final Identity NOBODY = new Nobody();

    /**
     * The header a program names itself with, as every script and partner system does: the backend
     * refuses a write that carries neither it nor a JSON body (a browser page could have forged it).
     */
    public static final String CLIENT_HEADER = "X-MASH-Client";

    private static final String CLIENT_NAME = "mash-live-tests";

    private static final MimeType AUTHENTICATION = MimeType.valueOf(Access.AUTHENTICATION_MIME_TYPE);

    private TestClients() {
    }

    /** A demo user of {@code username} with the demo password. */
    public static User demoUser(String username) {
        return new User(username, Access.DEMO_PASSWORD);
    }

    /**
     * Settings that give a backend on an external database the same test identities as the demo: the
     * demo users with the demo password, and the demo board token.
     */
    public static String[] externalDeploymentUsers() {
        String hash = new BCryptPasswordEncoder(4).encode(Access.DEMO_PASSWORD);
        var settings = new java.util.ArrayList<String>();
        int i = 0;
        for (var user : Access.DEMO_USERS.entrySet()) {
            settings.add("mash.security.users[" + i + "].username=" + user.getKey());
            settings.add("mash.security.users[" + i + "].password-hash=" + hash);
            settings.add("mash.security.users[" + i + "].roles=" + String.join(",", user.getValue()));
            i++;
        }
        settings.add("mash.security.board-tokens[0]=" + Access.DEMO_BOARD_TOKEN);
        return settings.toArray(String[]::new);
    }

    /**
     * How much of one answer the HTTP clients below hold. Spring's default, 256 KB, is a few hundred
     * open referrals: a context shared by many test classes lists more than that, as a busy hub does.
     */
    private static final int LIST_BUFFER = 16 * 1024 * 1024;

    /** A client of the backend's HTTP API on {@code port}, signed in as {@link #DUTY_LEAD}. */
    public static WebClient web(int port) {
        return web(port, DUTY_LEAD);
    }

    /** A client of the backend's HTTP API on {@code port}, signed in as {@code who}. */
    public static WebClient web(int port, Identity who) {
        var builder = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(CLIENT_HEADER, CLIENT_NAME)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(LIST_BUFFER));
        basic(who, builder::defaultHeader);
        return builder.build();
    }

    /** A client of the backend's HTTP API on {@code port}, for assertions on the exchange, as {@link #DUTY_LEAD}. */
    public static WebTestClient webTest(int port) {
        return webTest(port, DUTY_LEAD);
    }

    /** A client of the backend's HTTP API on {@code port}, for assertions on the exchange, as {@code who}. */
    public static WebTestClient webTest(int port, Identity who) {
        var builder = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(CLIENT_HEADER, CLIENT_NAME)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(LIST_BUFFER));
        basic(who, builder::defaultHeader);
        return builder.build();
    }

    /** An RSocket requester over TCP to {@code port}, sending {@code dataType}, as the demo board token. */
    public static RSocketRequester rsocket(RSocketRequester.Builder builder, int port, MediaType dataType) {
        return rsocket(builder, port, dataType, BOARD);
    }

    /** An RSocket requester over TCP to {@code port}, sending {@code dataType}, with {@code who}'s credentials at setup. */
    public static RSocketRequester rsocket(RSocketRequester.Builder builder, int port, MediaType dataType,
                                           Identity who) {
        return signedIn(builder, who).dataMimeType(dataType).tcp("localhost", port);
    }

    /** An RSocket requester over WebSocket to the backend's HTTP {@code port}, with {@code who}'s credentials at setup. */
    public static RSocketRequester rsocketWebSocket(RSocketRequester.Builder builder, int httpPort,
                                                    MediaType dataType, Identity who) {
        return signedIn(builder, who).dataMimeType(dataType)
                .websocket(URI.create("ws://localhost:" + httpPort + "/rsocket"));
    }

    /**
     * The {@link Access#AUTHENTICATION_MIME_TYPE} metadata for {@code who}, encoded as the RSocket
     * extension says (simple or bearer); null for nobody. Sent as bytes, so no extra encoder is needed.
     */
    public static byte[] credentials(Identity who) {
        ByteBuf encoded = switch (who) {
            case User user -> AuthMetadataCodec.encodeSimpleMetadata(ByteBufAllocator.DEFAULT,
                    user.username().toCharArray(), user.password().toCharArray());
            case Token token -> AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT,
                    token.token().toCharArray());
            case Nobody nobody -> null;
        };
        if (encoded == null) {
            return null;
        }
        try {
            return ByteBufUtil.getBytes(encoded);
        } finally {
            encoded.release();
        }
    }

    /** The RSocket authentication metadata MIME type. */
    public static MimeType authenticationMimeType() {
        return AUTHENTICATION;
    }

    private static RSocketRequester.Builder signedIn(RSocketRequester.Builder builder, Identity who) {
        byte[] metadata = credentials(who);
        return metadata == null ? builder : builder.setupMetadata(metadata, AUTHENTICATION);
    }

    private static void basic(Identity who, java.util.function.BiConsumer<String, String[]> header) {
        if (who instanceof User user) {
            String pair = user.username() + ":" + user.password();
            header.accept(HttpHeaders.AUTHORIZATION,
                    new String[] {"Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))});
        }
    }

    /**
     * A board stream's updates one event at a time, for tests about the events rather than how
     * they travel: events sent together ({@code EVENTS}) are taken apart, in order.
     */
    public static java.util.List<org.mashlive.board.api.BoardUpdate> oneByOne(
            org.mashlive.board.api.BoardUpdate update) {
        return update.kind() == org.mashlive.board.api.BoardUpdate.Kind.EVENTS
                ? update.events().stream().map(org.mashlive.board.api.BoardUpdate::of).toList()
                : java.util.List.of(update);
    }
}

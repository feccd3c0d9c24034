package org.mashlive.wallboard;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.metadata.AuthMetadataCodec;
import org.mashlive.board.api.Access;
import org.springframework.util.MimeType;
import org.springframework.util.StringUtils;

/**
 * What the wall-board's own connection sends the backend with each request, as
 * {@value Access#AUTHENTICATION_MIME_TYPE} metadata: the configured board token, else the configured
 * username and password, else, in the demo only, the demo board token.
 *
 * @param metadata the encoded credentials; null to send none
 * @param describe what they are, for logs (never the secret)
 */
record BackendCredentials(byte[] metadata, String describe) {

    static final MimeType MIME_TYPE = MimeType.valueOf(Access.AUTHENTICATION_MIME_TYPE);

    /** No credentials: only for servers that ask for none. */
    static BackendCredentials none() {
        return new BackendCredentials(null, "no credentials");
    }

    /**
     * @throws IllegalStateException outside the demo when neither a token nor a username and password
     *                               are configured
     */
    static BackendCredentials of(BackendProperties settings, boolean demo) {
        if (StringUtils.hasText(settings.token())) {
            return bearer(settings.token(), "a board token");
        }
        if (StringUtils.hasText(settings.username())) {
            if (!StringUtils.hasText(settings.password())) {
                throw new IllegalStateException("mash.wallboard.backend.password is not set for user "
                        + settings.username());
            }
            return new BackendCredentials(simple(settings.username(), settings.password()),
                    "user " + settings.username());
        }
        if (demo) {
            return bearer(Access.DEMO_BOARD_TOKEN, "the demo board token");
        }
        throw new IllegalStateException("The wall-board cannot sign in to the backend: set "
                + "mash.wallboard.backend.token (a board token the backend knows) or "
                + "mash.wallboard.backend.username and mash.wallboard.backend.password");
    }

    private static BackendCredentials bearer(String token, String describe) {
        return new BackendCredentials(bearer(token), describe);
    }

    /** A username and password as {@link #MIME_TYPE} metadata. */
    static byte[] simple(String username, String password) {
        return bytes(AuthMetadataCodec.encodeSimpleMetadata(ByteBufAllocator.DEFAULT, username.toCharArray(),
                password.toCharArray()));
    }

    /** A bearer token (a board token or a person's user token) as {@link #MIME_TYPE} metadata. */
    static byte[] bearer(String token) {
        return bytes(AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, token.toCharArray()));
    }

    private static byte[] bytes(ByteBuf encoded) {
        try {
            return ByteBufUtil.getBytes(encoded);
        } finally {
            encoded.release();
        }
    }
}

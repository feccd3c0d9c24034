package org.mashlive.security;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.WellKnownAuthType;
import org.mashlive.board.api.Access;
import org.springframework.core.codec.ByteArrayDecoder;
import org.springframework.messaging.rsocket.DefaultMetadataExtractor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.rsocket.api.PayloadExchange;
import org.springframework.security.rsocket.authentication.PayloadExchangeAuthenticationConverter;
import org.springframework.util.MimeType;
import reactor.core.publisher.Mono;

/**
 * Reads credentials from the {@value Access#AUTHENTICATION_MIME_TYPE} entry of a frame's composite
 * metadata: simple (username and password) or bearer (a board token, a user token or an identity
 * provider's JWT, told apart when they are checked). Empty when there is none. Spring Security's own
 * converter turns every bearer value into an OAuth2 token, which would leave no room for the others.
 */
final class RSocketCredentials implements PayloadExchangeAuthenticationConverter {

    private static final MimeType AUTHENTICATION = MimeType.valueOf(Access.AUTHENTICATION_MIME_TYPE);
    private static final String KEY = "authentication";

    private final DefaultMetadataExtractor extractor = new DefaultMetadataExtractor(new ByteArrayDecoder());

    RSocketCredentials() {
        extractor.metadataToExtract(AUTHENTICATION, byte[].class, KEY);
    }

    @Override
    public Mono<Authentication> convert(PayloadExchange exchange) {
        return Mono.fromCallable(() -> extractor.extract(exchange.getPayload(), exchange.getMetadataMimeType()))
                .mapNotNull(metadata -> (byte[]) metadata.get(KEY))
                .map(RSocketCredentials::read);
    }

    private static Authentication read(byte[] bytes) {
        ByteBuf metadata = Unpooled.wrappedBuffer(bytes);
        if (!AuthMetadataCodec.isWellKnownAuthType(metadata)) {
            throw new BadCredentialsException("Only simple and bearer authentication are understood");
        }
        WellKnownAuthType type = AuthMetadataCodec.readWellKnownAuthType(metadata);
        if (type == WellKnownAuthType.SIMPLE) {
            String username = AuthMetadataCodec.readUsername(metadata).toString(StandardCharsets.UTF_8);
            String password = AuthMetadataCodec.readPassword(metadata).toString(StandardCharsets.UTF_8);
            return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        }
        if (type == WellKnownAuthType.BEARER) {
            return BoardToken.unchecked(new String(AuthMetadataCodec.readBearerTokenAsCharArray(metadata)));
        }
        throw new BadCredentialsException("Only simple and bearer authentication are understood, not " + type);
    }
}

package org.mashlive.security;

import java.util.List;

import org.mashlive.board.api.Access;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A bearer board token: unchecked as read from the metadata, then checked with role {@code BOARD}. */
final class BoardToken extends AbstractAuthenticationToken {

    private final transient String token;

    private BoardToken(String token, boolean checked) {
        super(checked ? List.of(new SimpleGrantedAuthority("ROLE_" + Access.BOARD)) : List.of());
        this.token = token;
        setAuthenticated(checked);
    }

    static BoardToken unchecked(String token) {
        return new BoardToken(token, false);
    }

    BoardToken checked() {
        return new BoardToken(token, true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return "board-token";
    }
}

package org.mashlive.kiosk.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The RSocket routes of kiosk tokens, and the hash by which the backend knows a token.
 *
 * <p>{@link #LIST}, {@link #CREATE} and {@link #REVOKE} are for admins, acting as themselves (the
 * change is recorded with their name); {@link #CHECK} is for the wall-board's own connection (a
 * board token), which asks whether a screen's token is in force; {@link #TEAMS} names the teams a
 * token, a board or a queue may be narrowed to.
 */
public final class KioskRoutes {

    /** No payload; answers every kiosk token made here, revoked ones too, newest first, as {@link KioskCard}s. */
    public static final String LIST = "kiosk.list";
    /** {@link NewKiosk}; answers {@link CreatedKiosk}, the only answer that carries the token. */
    public static final String CREATE = "kiosk.create";
    /** {@link RevokeKiosk}; answers the {@link KioskCard} as revoked. */
    public static final String REVOKE = "kiosk.revoke";
    /**
     * {@link KioskCheck}; answers the {@link KioskGrant} of the token whose hash it carries (revoked
     * or not), or nothing for a hash the backend does not know. Records the token as seen.
     */
    public static final String CHECK = "kiosk.check";
    /** No payload; answers the hub's team names ({@code mash.staff.teams}) as a list of strings. */
    public static final String TEAMS = "hub.teams";

    private KioskRoutes() {
    }

    /** How a token is known without being kept: its SHA-256, in lower-case hex. */
    public static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}

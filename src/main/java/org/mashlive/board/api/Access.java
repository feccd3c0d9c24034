package org.mashlive.board.api;

import java.util.List;
import java.util.Map;

/**
 * Who may do what, and how a client proves who it is: the role names both contexts check, and the
 * credential conventions every client of the backend follows.
 *
 * <p>HTTP: Basic authentication ({@code Authorization: Basic …}) with a configured user.
 *
 * <p>RSocket: an entry of MIME type {@value #AUTHENTICATION_MIME_TYPE} in the composite metadata,
 * either <em>simple</em> (username and password of a configured user) or <em>bearer</em> (a board
 * token, which grants {@link #BOARD}, or a user token from {@link #TOKEN_ROUTE}, which acts as that
 * person), sent in the SETUP frame or with each request; a request's own
 * entry wins over the connection's.
 *
 * <p>Demo values ({@link #DEMO_USERS}, {@link #DEMO_PASSWORD}, {@link #DEMO_BOARD_TOKEN},
 * {@link #DEMO_KIOSK_TOKEN}) are honoured only by the embedded demo; a real deployment configures its
 * own users and tokens.
 */
public final class Access {

    /** Watches the board and the hub's figures. */
    public static final String HUB_MANAGER = "HUB_MANAGER";
    /** Screens, rates and decides; takes contacts in by hand. */
    public static final String DUTY_LEAD = "DUTY_LEAD";
    /** Reads everything, for the service's figures. */
    public static final String SERVICE_HEAD = "SERVICE_HEAD";
    /** Does anything. */
    public static final String ADMIN = "ADMIN";
    /** Answers the hub's phone and inbox: enters contacts on the intake screen. */
    public static final String FRONT_DOOR = "FRONT_DOOR";
    /** A partner system that posts contacts: the portal, the police notification feed. */
    public static final String INTAKE = "INTAKE";
    /** Reads the live board and nothing else: the wall-board's own connection, kiosk screens. */
    public static final String BOARD = "BOARD";

    /** The roles people hold. */
    public static final List<String> PEOPLE = List.of(HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, FRONT_DOOR);

    /** The roles that may read the live board. */
    public static final List<String> BOARD_READERS = List.of(BOARD, HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN,
            FRONT_DOOR);

    /**
     * The roles that may use the intake screen: enter a phone or email contact and see each child's
     * earlier referrals (audited).
     */
    public static final List<String> INTAKERS = List.of(FRONT_DOOR, DUTY_LEAD, ADMIN);

    /** The roles that may use the duty-lead view: see a child's identifying detail, give and move cases. */
    public static final List<String> DUTY_LEADS = List.of(DUTY_LEAD, ADMIN);

    /**
     * RSocket request-response: no payload; answers a {@link UserToken} for the caller, who signs in
     * with simple credentials (or a user token still valid, to refresh it). People only: a board token
     * gets none. A client acting for a person sends the token as bearer credentials from then on.
     */
    public static final String TOKEN_ROUTE = "auth.token";

    /** The RSocket metadata MIME type of credentials (simple or bearer). */
    public static final String AUTHENTICATION_MIME_TYPE = "message/x.rsocket.authentication.v0";

    /** The password of every demo user unless {@code mash.demo.password} says otherwise. */
    public static final String DEMO_PASSWORD = "demo";

    /** The demo users and their roles. */
    public static final Map<String, List<String>> DEMO_USERS = Map.of(
            "hub.manager", List.of(HUB_MANAGER),
            "duty.lead", List.of(DUTY_LEAD),
            "duty.lead2", List.of(DUTY_LEAD),
            "service.head", List.of(SERVICE_HEAD),
            "admin", List.of(ADMIN),
            "front.door", List.of(FRONT_DOOR),
            "intake.client", List.of(INTAKE));

    /** The bearer token of role {@link #BOARD} that a demo wall-board sends to a demo backend. */
    public static final String DEMO_BOARD_TOKEN = "demo-board";

    /** The kiosk token of the demo wall-board: {@code /board?kiosk=demo-kiosk}. */
    public static final String DEMO_KIOSK_TOKEN = "demo-kiosk";

    private Access() {
    }
}

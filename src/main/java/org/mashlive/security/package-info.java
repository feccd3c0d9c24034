/**
 * Who may use the backend: the configured users (or the embedded demo's), HTTP Basic and the rules of
 * the REST API, and credentials and route rules on the RSocket server, over TCP and WebSocket alike.
 * Role names and credential conventions are in {@link org.mashlive.board.api.Access}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board :: api", "platform", "referral :: api",
        "allocation :: api", "capacity :: api", "quality :: api", "kiosk :: api", "audit", "signin",
        "partner :: api"})
package org.mashlive.security;

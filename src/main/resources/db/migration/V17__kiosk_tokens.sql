-- Kiosk tokens that admins make and revoke on the wall-board's screen. Only a hash of each token is
-- kept: the token is shown once, when it is made, and a copy of this table signs no screen in.
-- Tokens are 256 random bits, so a plain SHA-256 is enough; a slow hash would only slow every check.
-- A token bound to a team shows that team's board; without a team, the whole hub's.
CREATE TABLE kiosk_token (
    id           bigserial PRIMARY KEY,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    team         text        CHECK (length(team) BETWEEN 1 AND 80),
    token_hash   text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    last_seen_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- Who made and who revoked each kiosk token, and when: a trail of its own, as the audit trail of
-- cases names a referral or a police check as its subject. The person's display name and role are
-- in the actor table, as for every other change.
CREATE TABLE kiosk_token_audit (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    action    text        NOT NULL CHECK (action IN ('CREATED', 'REVOKED')),
    token_id  bigint      NOT NULL REFERENCES kiosk_token (id),
    detail    text
);

CREATE INDEX kiosk_token_audit_token ON kiosk_token_audit (token_id, at);

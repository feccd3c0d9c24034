-- Referrals, their RAG and stage history, and the board's outbox.
-- Times are timestamptz (stored in UTC); enumerations are text with checks so that a bad value
-- is refused by the database as well as by the API.

CREATE TABLE reference_counter (
    year        integer PRIMARY KEY,
    last_number integer NOT NULL
);

CREATE TABLE referral (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference               text        NOT NULL UNIQUE,
    external_ref            text        UNIQUE,
    received_at             timestamptz NOT NULL,
    channel                 text        NOT NULL CHECK (channel IN ('PHONE', 'EMAIL', 'PORTAL', 'POLICE_NOTIFICATION')),
    source                  text        NOT NULL CHECK (source IN ('POLICE', 'HEALTH', 'EDUCATION', 'BORDER_FORCE', 'FAMILY_SELF', 'VOLUNTARY', 'OTHER_LOCAL_AUTHORITY')),
    health_type             text        CHECK (health_type IS NULL OR source = 'HEALTH'),
    merlin_id               text        CHECK (merlin_id IS NULL OR source = 'POLICE'),
    child_first_name        text        NOT NULL,
    child_last_name         text        NOT NULL,
    child_date_of_birth     date        NOT NULL,
    child_key               text        NOT NULL,
    child_initials          text        NOT NULL,
    concern                 text        NOT NULL,
    flags                   text[]      NOT NULL DEFAULT '{}',
    consent                 text        NOT NULL CHECK (consent IN ('GIVEN', 'REFUSED', 'NOT_SOUGHT', 'OVERRIDDEN')),
    consent_override_reason text        CHECK (consent <> 'OVERRIDDEN' OR consent_override_reason IS NOT NULL),
    rag                     text        CHECK (rag IN ('RED', 'AMBER', 'GREEN')),
    stage                   text        NOT NULL CHECK (stage IN ('RECEIVED', 'SCREENING', 'INFORMATION_GATHERING', 'AWAITING_DECISION', 'DECIDED')),
    outcome                 text        CHECK (outcome IN ('NO_FURTHER_ACTION', 'ADVICE_SIGNPOSTING', 'EARLY_HELP', 'ASSESSMENT_S17', 'STRATEGY_S47', 'POLICE_ONLY')),
    decided_at              timestamptz,
    due_at                  timestamptz NOT NULL,
    re_referral             boolean     NOT NULL,
    version                 integer     NOT NULL DEFAULT 0,
    updated_at              timestamptz NOT NULL,
    CHECK ((stage = 'DECIDED') = (outcome IS NOT NULL AND decided_at IS NOT NULL))
);

CREATE INDEX referral_child_received ON referral (child_key, received_at);
CREATE INDEX referral_open ON referral (received_at) WHERE stage <> 'DECIDED';
CREATE INDEX referral_received ON referral (received_at);

CREATE TABLE rag_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id bigint      NOT NULL REFERENCES referral (id),
    changed_at  timestamptz NOT NULL,
    from_rag    text,
    to_rag      text        NOT NULL,
    reason      text        NOT NULL
);
CREATE INDEX rag_change_referral ON rag_change (referral_id, changed_at);

CREATE TABLE stage_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id bigint      NOT NULL REFERENCES referral (id),
    changed_at  timestamptz NOT NULL,
    from_stage  text,
    to_stage    text        NOT NULL
);
CREATE INDEX stage_change_referral ON stage_change (referral_id, changed_at);

-- The outbox. One row per committed change. seq is taken from board_sequence in the writing
-- transaction: the row lock on the counter is held until commit, so seq order is commit order
-- and a rolled-back transaction leaves no gap. See docs/decisions/0002-gapless-board-sequence.md.
CREATE TABLE board_sequence (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_seq bigint  NOT NULL
);
INSERT INTO board_sequence (only_row, last_seq) VALUES (true, 0);

CREATE TABLE board_event (
    seq     bigint PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    type    text        NOT NULL,
    payload jsonb       NOT NULL
);

-- Every committed outbox row is announced on channel mash_board with the whole event, or only
-- its seq when the event is too large for a notification (the listener then reads the row).
CREATE FUNCTION board_event_notify() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    message text;
BEGIN
    message := json_build_object(
            'seq', NEW.seq,
            'at', to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            'type', NEW.type,
            'referral', NEW.payload)::text;
    IF octet_length(message) > 7900 THEN
        message := json_build_object('seq', NEW.seq)::text;
    END IF;
    PERFORM pg_notify('mash_board', message);
    RETURN NULL;
END;
$$;

CREATE TRIGGER board_event_notify
    AFTER INSERT ON board_event
    FOR EACH ROW EXECUTE FUNCTION board_event_notify();

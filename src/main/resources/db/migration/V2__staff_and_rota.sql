-- Staff, the 24-hour rota and the establishment; the board's notifications carry any event.

CREATE TABLE staff (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    role         text        NOT NULL CHECK (role IN ('SOCIAL_WORKER', 'SENIOR_PRACTITIONER', 'MASH_POLICE_OFFICER',
                                 'MASH_HEALTH_PRACTITIONER', 'EARLY_HELP_WORKER', 'OOH_DUTY_SOCIAL_WORKER',
                                 'DUTY_LEAD', 'MANAGER')),
    team         text        NOT NULL CHECK (length(team) BETWEEN 1 AND 80),
    contract     text        NOT NULL CHECK (contract IN ('FULL_TIME', 'PART_TIME', 'LEAN')),
    -- the fraction of a full-time post; null: 1.0 full time, the configured default otherwise
    fte          numeric(3, 2) CHECK (fte > 0 AND fte <= 1 AND (contract <> 'FULL_TIME' OR fte = 1)),
    active       boolean     NOT NULL DEFAULT true,
    left_at      timestamptz CHECK (active = (left_at IS NULL)),
    break_since  timestamptz,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX staff_role ON staff (role) WHERE active;

-- Overlaps for one person are refused by the service under a lock on the person's row, which
-- needs no extension (an exclusion constraint would need btree_gist).
CREATE TABLE shift (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id  bigint      NOT NULL REFERENCES staff (id),
    starts_at timestamptz NOT NULL,
    ends_at   timestamptz NOT NULL CHECK (ends_at > starts_at)
);
CREATE INDEX shift_staff ON shift (staff_id, starts_at);
CREATE INDEX shift_ends ON shift (ends_at);

-- Funded posts per role, in full-time equivalents.
CREATE TABLE establishment (
    role       text PRIMARY KEY CHECK (role IN ('SOCIAL_WORKER', 'SENIOR_PRACTITIONER', 'MASH_POLICE_OFFICER',
                   'MASH_HEALTH_PRACTITIONER', 'EARLY_HELP_WORKER', 'OOH_DUTY_SOCIAL_WORKER', 'DUTY_LEAD',
                   'MANAGER')),
    funded_fte numeric(6, 2) NOT NULL CHECK (funded_fte >= 0),
    updated_at timestamptz   NOT NULL
);

-- The days the demo rota has been laid out for, so a restart does not lay them out twice.
CREATE TABLE rota_seed_day (
    day date PRIMARY KEY
);

-- Board notifications now carry the event's card under "payload", whatever it is about; the
-- event's type says which card it is (a referral, a person or a shift).
CREATE OR REPLACE FUNCTION board_event_notify() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    message text;
BEGIN
    message := json_build_object(
            'seq', NEW.seq,
            'at', to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            'type', NEW.type,
            'payload', NEW.payload)::text;
    IF octet_length(message) > 7900 THEN
        message := json_build_object('seq', NEW.seq)::text;
    END IF;
    PERFORM pg_notify('mash_board', message);
    RETURN NULL;
END;
$$;

-- Information requests to partner agencies: which referral, which agency (and, for health, which
-- service), who asked and when, the response time it is due by, who in the hub owns it, every chase,
-- and the answer or "no information held", which is an answer too.

CREATE TABLE partner_request (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id         bigint      NOT NULL REFERENCES referral (id),
    agency              text        NOT NULL CHECK (agency IN ('POLICE', 'HEALTH', 'EDUCATION', 'PROBATION',
                                        'HOUSING', 'OTHER_LOCAL_AUTHORITY', 'BORDER_FORCE')),
    health_service      text        CHECK (health_service IN ('GP', 'HEALTH_VISITING', 'SCHOOL_NURSING', 'MIDWIFERY',
                                        'ACUTE_TRUST', 'CAMHS', 'COMMUNITY_PAEDIATRICS')),
    rag                 text        NOT NULL CHECK (rag IN ('RED', 'AMBER', 'GREEN')),
    asked               text,
    requested_at        timestamptz NOT NULL,
    requested_by        text        NOT NULL,
    owner               text        NOT NULL,
    due_at              timestamptz NOT NULL,
    answered_at         timestamptz,
    answered_by         text,
    answer_summary      text,
    no_information_held boolean     NOT NULL DEFAULT false,
    CHECK ((agency = 'HEALTH') = (health_service IS NOT NULL)),
    CHECK (due_at > requested_at),
    CHECK ((answered_at IS NULL) = (answered_by IS NULL)),
    -- an answer says what the partner told, unless it was that they hold nothing
    CHECK (answered_at IS NULL OR no_information_held OR answer_summary IS NOT NULL),
    CHECK (answered_at IS NOT NULL OR NOT no_information_held)
);
CREATE INDEX partner_request_referral ON partner_request (referral_id, requested_at);
CREATE INDEX partner_request_waiting ON partner_request (due_at) WHERE answered_at IS NULL;

CREATE TABLE partner_chase (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id bigint      NOT NULL REFERENCES partner_request (id),
    chased_at  timestamptz NOT NULL,
    chased_by  text        NOT NULL,
    how        text        NOT NULL CHECK (how IN ('PHONE', 'EMAIL', 'SECURE_EMAIL', 'PORTAL', 'LETTER', 'IN_PERSON')),
    note       text
);
CREATE INDEX partner_chase_request ON partner_chase (request_id, chased_at);

-- The audit trail takes the three new actions. The allowed actions are read from the constraint as
-- it stands, so that actions other changes added to it are kept whatever order they ran in.
DO $$
DECLARE
    allowed text[];
BEGIN
    SELECT array_agg(DISTINCT m[1]) INTO allowed
    FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') AS m
    WHERE c.conname = 'audit_entry_action_check' AND c.conrelid = 'audit_entry'::regclass;
    allowed := array(SELECT DISTINCT unnest(allowed || ARRAY['PARTNER_REQUESTED', 'PARTNER_CHASED', 'PARTNER_ANSWERED']));
    ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
    -- written as an array of quoted names, as the constraint reads back, so the next migration that
    -- adds actions this way finds these
    EXECUTE format('ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check CHECK (action = ANY (ARRAY[%s]::text[]))',
                   (SELECT string_agg(DISTINCT quote_literal(a), ', ') FROM unnest(allowed) AS a));
END $$;

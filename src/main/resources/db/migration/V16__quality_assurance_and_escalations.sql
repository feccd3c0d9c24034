-- Quality assurance of decisions, and professional disagreements with partner agencies.
--
-- A QA sample is drawn once for an ISO week (in the hub's zone) from the referrals closed in that
-- week up to the moment of drawing, stratified by source and RAG, with a seed that is kept: the same
-- seed, week and population give the same sample (docs/decisions/0029-quality-assurance-and-escalations.md).
-- A referral is sampled at most once, whatever the week: the unique keys below hold that.

CREATE TABLE qa_sample (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    week       text             NOT NULL UNIQUE CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    seed       bigint           NOT NULL,
    share      double precision NOT NULL CHECK (share > 0 AND share <= 1),
    population integer          NOT NULL CHECK (population >= 0),
    drawn_at   timestamptz      NOT NULL,
    drawn_by   text             NOT NULL
);

CREATE TABLE qa_sample_item (
    sample_id   bigint NOT NULL REFERENCES qa_sample (id),
    referral_id bigint NOT NULL UNIQUE REFERENCES referral (id),
    decision_id bigint NOT NULL UNIQUE REFERENCES decision (id),
    stratum     text   NOT NULL,
    PRIMARY KEY (sample_id, referral_id)
);

-- One grade for each sampled decision, never by the person who made it.
CREATE TABLE qa_grade (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id bigint      NOT NULL UNIQUE REFERENCES qa_sample_item (referral_id),
    grade       text        NOT NULL CHECK (grade IN ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE')),
    feedback    text        NOT NULL CHECK (length(feedback) BETWEEN 1 AND 4000),
    decided_by  text        NOT NULL,
    graded_at   timestamptz NOT NULL,
    graded_by   text        NOT NULL,
    CHECK (graded_by <> decided_by)
);
CREATE INDEX qa_grade_decided_by ON qa_grade (decided_by, graded_at);

-- The checklist as it was when the grade was given: the hub may change its checklist later.
CREATE TABLE qa_grade_answer (
    grade_id bigint  NOT NULL REFERENCES qa_grade (id),
    position integer NOT NULL,
    item     text    NOT NULL,
    answer   text    NOT NULL CHECK (answer IN ('MET', 'PARTLY_MET', 'NOT_MET', 'NOT_APPLICABLE')),
    PRIMARY KEY (grade_id, position)
);

-- A professional disagreement between the hub and a partner agency about a referral, escalated by
-- stages (practitioner, manager, head of service) until it is resolved.
CREATE TABLE escalation (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id bigint      NOT NULL REFERENCES referral (id),
    agency      text        NOT NULL CHECK (agency IN ('POLICE', 'HEALTH', 'EDUCATION', 'PROBATION', 'HOUSING',
                                'OTHER_LOCAL_AUTHORITY', 'BORDER_FORCE')),
    raised_by   text        NOT NULL CHECK (raised_by IN ('HUB', 'AGENCY')),
    concern     text        NOT NULL CHECK (length(concern) BETWEEN 1 AND 4000),
    stage       text        NOT NULL CHECK (stage IN ('PRACTITIONER', 'MANAGER', 'HEAD_OF_SERVICE')),
    opened_at   timestamptz NOT NULL,
    opened_by   text        NOT NULL,
    resolved_at timestamptz,
    resolved_by text,
    resolution  text,
    CHECK ((resolved_at IS NULL) = (resolution IS NULL) AND (resolved_at IS NULL) = (resolved_by IS NULL))
);
CREATE INDEX escalation_open ON escalation (opened_at) WHERE resolved_at IS NULL;
CREATE INDEX escalation_referral ON escalation (referral_id, opened_at);

-- Each stage an escalation reached, and when.
CREATE TABLE escalation_stage (
    escalation_id bigint      NOT NULL REFERENCES escalation (id),
    stage         text        NOT NULL CHECK (stage IN ('PRACTITIONER', 'MANAGER', 'HEAD_OF_SERVICE')),
    at            timestamptz NOT NULL,
    by_username   text        NOT NULL,
    note          text,
    PRIMARY KEY (escalation_id, stage)
);

-- The audit trail learns the new actions. The list is read from the constraint as it stands and
-- extended, rather than written out again, so that actions added by other migrations stay allowed.
DO
$$
DECLARE
    allowed text[];
BEGIN
    SELECT array_agg(DISTINCT m[1]) INTO allowed
    FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') AS m
    WHERE c.conname = 'audit_entry_action_check' AND c.conrelid = 'audit_entry'::regclass;
    allowed := allowed || ARRAY['QA_SAMPLED', 'QA_GRADED', 'ESCALATION_RAISED', 'ESCALATION_STAGE_CHANGED',
        'ESCALATION_RESOLVED'];
    ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
    -- written as an array of quoted names, as the constraint reads back, so the next migration that
    -- adds actions this way finds these
    EXECUTE format('ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check CHECK (action = ANY (ARRAY[%s]::text[]))',
                   (SELECT string_agg(DISTINCT quote_literal(a), ', ') FROM unnest(allowed) AS a));
END
$$;

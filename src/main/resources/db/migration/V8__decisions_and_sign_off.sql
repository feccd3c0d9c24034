-- A decision as a front door makes it: the outcome with its rationale, the threshold applied, the
-- next step and the team that receives it, whether and how the referrer was told; and management
-- oversight: a decision whose outcome needs it waits for a different duty lead or administrator to
-- sign it off or return it with a reason. Only a signed-off decision (or one that needs no sign-off)
-- closes the referral. A returned decision stays, with its reason, beside the next one.

CREATE TABLE decision (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id       bigint      NOT NULL REFERENCES referral (id),
    outcome           text        NOT NULL CHECK (outcome IN ('NO_FURTHER_ACTION', 'ADVICE_SIGNPOSTING', 'EARLY_HELP',
                                      'ASSESSMENT_S17', 'STRATEGY_S47', 'POLICE_ONLY')),
    rationale         text,
    threshold         text,
    next_step         text        CHECK (next_step IN ('EARLY_HELP', 'ASSESSMENT', 'POLICE_ONLY',
                                      'OTHER_LOCAL_AUTHORITY', 'NO_FURTHER_ACTION')),
    receiving_team    text,
    referrer_told_at  timestamptz,
    referrer_told_how text        CHECK (referrer_told_how IN ('PHONE', 'EMAIL', 'LETTER', 'PORTAL', 'IN_PERSON')),
    decided_at        timestamptz NOT NULL,
    decided_by        text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('AWAITING_SIGN_OFF', 'SIGNED_OFF', 'RETURNED',
                                      'NOT_NEEDED', 'NOT_RECORDED')),
    settled_at        timestamptz,
    settled_by        text,
    return_reason     text,
    -- only decisions from before rationales were recorded may lack one
    CHECK (status = 'NOT_RECORDED' OR (rationale IS NOT NULL AND threshold IS NOT NULL AND next_step IS NOT NULL)),
    CHECK ((referrer_told_at IS NULL) = (referrer_told_how IS NULL)),
    CHECK ((status IN ('SIGNED_OFF', 'RETURNED')) = (settled_at IS NOT NULL AND settled_by IS NOT NULL)),
    CHECK ((status = 'RETURNED') = (return_reason IS NOT NULL)),
    -- the rule of management oversight, kept by the database as well
    CHECK (settled_by IS NULL OR settled_by <> decided_by)
);

-- at most one decision waits for sign-off on a referral
CREATE UNIQUE INDEX decision_one_waiting ON decision (referral_id) WHERE status = 'AWAITING_SIGN_OFF';
CREATE INDEX decision_referral ON decision (referral_id, decided_at);
CREATE INDEX decision_waiting ON decision (decided_at) WHERE status = 'AWAITING_SIGN_OFF';

-- Decisions recorded before: the outcome and time as they were, no rationale, nobody named.
INSERT INTO decision (referral_id, outcome, decided_at, decided_by, status)
SELECT id, outcome, decided_at, '(before recording)', 'NOT_RECORDED'
FROM referral
WHERE stage = 'DECIDED';

ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check
    CHECK (action IN ('ALLOCATED', 'REALLOCATED', 'ALLOCATION_CONFLICT', 'ALLOCATION_REFUSED', 'DETAIL_VIEWED',
                      'RAG_CHANGED', 'STAGE_CHANGED', 'DECIDED', 'POLICE_CHECK_DONE', 'RECEIVED',
                      'SIGNED_OFF', 'DECISION_RETURNED', 'SIGN_OFF_REFUSED'));

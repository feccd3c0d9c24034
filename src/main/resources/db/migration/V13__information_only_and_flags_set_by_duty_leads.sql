-- Contacts for information only, and a child's flags set by duty leads.
--
-- A contact for information only needs no decision: it is taken in at the stage INFORMATION_ONLY,
-- which is never open, so it waits in no queue and never breaches; the board counts it apart.
ALTER TABLE referral DROP CONSTRAINT referral_stage_check;
ALTER TABLE referral ADD CONSTRAINT referral_stage_check
    CHECK (stage IN ('RECEIVED', 'SCREENING', 'INFORMATION_GATHERING', 'AWAITING_DECISION', 'INFORMATION_ONLY',
                     'DECIDED'));
DROP INDEX referral_open;
CREATE INDEX referral_open ON referral (received_at) WHERE stage NOT IN ('DECIDED', 'INFORMATION_ONLY');

-- A duty lead sets or clears a child's flags (SEND, non-verbal, asylum-seeking / new arrival, ASD
-- concern, domestic abuse) as screening learns them. The referral keeps the flags as they stand;
-- each change is kept here with who made it, when and why, and written to the audit trail.

CREATE TABLE flag_change (
    id          bigserial   PRIMARY KEY,
    referral_id bigint      NOT NULL REFERENCES referral (id),
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL,
    from_flags  text[]      NOT NULL,
    to_flags    text[]      NOT NULL,
    reason      text        NOT NULL CHECK (reason <> '')
);

CREATE INDEX flag_change_referral ON flag_change (referral_id, changed_at);

ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check
    CHECK (action IN ('ALLOCATED', 'REALLOCATED', 'ALLOCATION_CONFLICT', 'ALLOCATION_REFUSED', 'DETAIL_VIEWED',
                      'RAG_CHANGED', 'STAGE_CHANGED', 'DECIDED', 'POLICE_CHECK_DONE', 'RECEIVED',
                      'SIGNED_OFF', 'DECISION_RETURNED', 'SIGN_OFF_REFUSED', 'FLAGS_CHANGED'));

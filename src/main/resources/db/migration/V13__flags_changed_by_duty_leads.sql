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

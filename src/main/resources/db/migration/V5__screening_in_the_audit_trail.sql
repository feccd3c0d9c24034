-- The audit trail also names who rated or re-rated a referral, moved its stage, recorded its
-- decision and recorded its police checks as done.

ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check
    CHECK (action IN ('ALLOCATED', 'REALLOCATED', 'ALLOCATION_CONFLICT', 'ALLOCATION_REFUSED', 'DETAIL_VIEWED',
                      'RAG_CHANGED', 'STAGE_CHANGED', 'DECIDED', 'POLICE_CHECK_DONE'));

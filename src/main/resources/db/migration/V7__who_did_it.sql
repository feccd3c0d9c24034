-- Who made every change to a referral, and when. The person is the signed-in account's name, the
-- same name the audit trail has always recorded; the actor table gives it a display name and role.
-- A write names its person through the transaction's setting mash.actor (set by the code that acts
-- for someone, see docs/decisions/0020-who-did-it-and-management-oversight.md); a write that
-- sets none is the system's own (the simulator's back-filled day, a resend answered from storage).
-- Rows written before this was recorded say so: '(before recording)'.

CREATE TABLE actor (
    username     text PRIMARY KEY,
    display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    role         text        NOT NULL,
    seen_at      timestamptz NOT NULL
);

INSERT INTO actor (username, display_name, role, seen_at)
VALUES ('(before recording)', 'unknown (before recording began)', 'UNKNOWN', now()),
       ('(system)', 'MASH Live (no person)', 'SYSTEM', now());

-- Adding a column with a constant default fills the existing rows with it; the default for new
-- rows is then the transaction's person.
ALTER TABLE referral ADD COLUMN received_by text NOT NULL DEFAULT '(before recording)';
ALTER TABLE referral ALTER COLUMN received_by SET DEFAULT coalesce(nullif(current_setting('mash.actor', true), ''), '(system)');

ALTER TABLE rag_change ADD COLUMN changed_by text NOT NULL DEFAULT '(before recording)';
ALTER TABLE rag_change ALTER COLUMN changed_by SET DEFAULT coalesce(nullif(current_setting('mash.actor', true), ''), '(system)');

ALTER TABLE stage_change ADD COLUMN changed_by text NOT NULL DEFAULT '(before recording)';
ALTER TABLE stage_change ALTER COLUMN changed_by SET DEFAULT coalesce(nullif(current_setting('mash.actor', true), ''), '(system)');

-- Intake is in the audit trail as well, written with the referral by the same statement, so that
-- taking a contact in costs no round trip more while the year's reference counter is locked.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check
    CHECK (action IN ('ALLOCATED', 'REALLOCATED', 'ALLOCATION_CONFLICT', 'ALLOCATION_REFUSED', 'DETAIL_VIEWED',
                      'RAG_CHANGED', 'STAGE_CHANGED', 'DECIDED', 'POLICE_CHECK_DONE', 'RECEIVED'));

CREATE FUNCTION referral_received_audit() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO audit_entry (at, actor, action, subject_type, subject_id, reference, detail)
    VALUES (NEW.received_at, NEW.received_by, 'RECEIVED', 'REFERRAL', NEW.id, NEW.reference,
            'contact received · ' || lower(replace(NEW.channel, '_', ' ')));
    RETURN NULL;
END;
$$;

CREATE TRIGGER referral_received_audit
    AFTER INSERT ON referral
    FOR EACH ROW EXECUTE FUNCTION referral_received_audit();

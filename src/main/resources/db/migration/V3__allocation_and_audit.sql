-- Who works which referral or police check, and the audit trail of every allocation, every
-- attempt that lost a race or was refused, and every view of identifying detail.

CREATE TABLE audit_entry (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    action        text        NOT NULL CHECK (action IN ('ALLOCATED', 'REALLOCATED', 'ALLOCATION_CONFLICT',
                                                         'ALLOCATION_REFUSED', 'DETAIL_VIEWED')),
    subject_type  text        NOT NULL CHECK (subject_type IN ('REFERRAL', 'POLICE_CHECK')),
    subject_id    bigint      NOT NULL,
    reference     text        NOT NULL,
    from_staff_id bigint,
    to_staff_id   bigint,
    reason        text,
    detail        text
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id, at);
CREATE INDEX audit_entry_from_staff ON audit_entry (from_staff_id, at) WHERE from_staff_id IS NOT NULL;
CREATE INDEX audit_entry_to_staff ON audit_entry (to_staff_id, at) WHERE to_staff_id IS NOT NULL;
CREATE INDEX audit_entry_actor ON audit_entry (actor, at);

CREATE TABLE allocation (
    work_type    text        NOT NULL CHECK (work_type IN ('REFERRAL', 'POLICE_CHECK')),
    work_id      bigint      NOT NULL,
    reference    text        NOT NULL,
    staff_id     bigint      NOT NULL,
    version      integer     NOT NULL,
    allocated_at timestamptz NOT NULL,
    allocated_by text        NOT NULL,
    reason       text,
    PRIMARY KEY (work_type, work_id)
);
CREATE INDEX allocation_staff ON allocation (staff_id);

-- Every police notification needs police checks. The check is the referral's own work item; this
-- table records that it was done, by whom, and the officer's summary (which may name people, so
-- it never goes to the board).
CREATE TABLE police_check (
    referral_id  bigint PRIMARY KEY REFERENCES referral (id),
    completed_at timestamptz NOT NULL,
    completed_by text        NOT NULL,
    summary      text        NOT NULL
);


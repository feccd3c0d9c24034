-- A police notification's police checks become one kind of partner request: a request to the police,
-- of kind POLICE_CHECK, one per police notification, answered when the MASH police officer records the
-- checks done. The request row is the one record of the check; the police_check table that recorded
-- only the done ones goes, its rows moved onto their requests (docs/decisions/0033-police-checks-as-partner-requests.md).
--
-- A check is still known by its referral's id wherever it was before (its allocation's work_id, its
-- audit entries' subject_id, the police-check routes): the unique index below maps that id to the
-- request's own id. Two things of a check are not stored on its row, because another row already
-- holds them and a copy could drift: who holds it (its allocation, as for all work) and when it is
-- due (its referral's screening due time, which moves with the referral's RAG). Both stay NULL on a
-- check's row and are read through.

ALTER TABLE partner_request
    ADD COLUMN kind text NOT NULL DEFAULT 'INFORMATION' CHECK (kind IN ('INFORMATION', 'POLICE_CHECK')),
    ADD CONSTRAINT partner_request_police_check_is_police CHECK (kind = 'INFORMATION' OR agency = 'POLICE'),
    ALTER COLUMN owner DROP NOT NULL,
    ALTER COLUMN due_at DROP NOT NULL,
    -- only a police check leaves them to its allocation and its referral, and it always does
    ADD CONSTRAINT partner_request_owner_kept CHECK ((owner IS NULL) = (kind = 'POLICE_CHECK')),
    ADD CONSTRAINT partner_request_due_kept CHECK ((due_at IS NULL) = (kind = 'POLICE_CHECK')),
    -- a police check is recorded done with the officer's summary, never as "no information held"
    ADD CONSTRAINT partner_request_police_check_answer CHECK (kind = 'INFORMATION' OR NOT no_information_held);

CREATE UNIQUE INDEX partner_request_police_check ON partner_request (referral_id) WHERE kind = 'POLICE_CHECK';

-- Every police notification so far, in the order they came: its check, done or not. Nothing else is
-- invented: asked and requested when the notification was received, by whoever took it in, at its RAG.
INSERT INTO partner_request (referral_id, agency, rag, asked, requested_at, requested_by, owner, due_at,
                             answered_at, answered_by, answer_summary, kind)
SELECT r.id, 'POLICE', coalesce(r.rag, 'AMBER'),
       'Police checks on the notification' || coalesce(' (MERLIN ' || r.merlin_id || ')', ''),
       r.received_at, r.received_by, NULL, NULL, c.completed_at, c.completed_by, c.summary, 'POLICE_CHECK'
FROM referral r
LEFT JOIN police_check c ON c.referral_id = r.id
WHERE r.channel = 'POLICE_NOTIFICATION'
ORDER BY r.received_at, r.id;

-- Nothing is lost: every recorded check is on its request, field for field, before the table goes.
DO $$
DECLARE
    missing bigint;
BEGIN
    SELECT count(*) INTO missing
    FROM police_check c
    WHERE NOT EXISTS (SELECT 1 FROM partner_request p
                      WHERE p.kind = 'POLICE_CHECK' AND p.referral_id = c.referral_id
                        AND p.answered_at = c.completed_at AND p.answered_by = c.completed_by
                        AND p.answer_summary = c.summary);
    IF missing > 0 THEN
        RAISE EXCEPTION '% police check(s) not carried onto a partner request', missing;
    END IF;
END $$;

DROP TABLE police_check;

-- A police notification's check is asked with it, in the statement that takes it in, whichever way it
-- came (the intake, a back-filled day, a test's SQL): a notification without its check cannot exist.
CREATE FUNCTION referral_police_check() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO partner_request (referral_id, agency, rag, asked, requested_at, requested_by, kind)
    VALUES (NEW.id, 'POLICE', coalesce(NEW.rag, 'AMBER'),
            'Police checks on the notification' || coalesce(' (MERLIN ' || NEW.merlin_id || ')', ''),
            NEW.received_at, NEW.received_by, 'POLICE_CHECK');
    RETURN NULL;
END;
$$;

CREATE TRIGGER referral_police_check
    AFTER INSERT ON referral
    FOR EACH ROW WHEN (NEW.channel = 'POLICE_NOTIFICATION') EXECUTE FUNCTION referral_police_check();

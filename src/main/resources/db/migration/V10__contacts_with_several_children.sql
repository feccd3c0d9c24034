-- A contact may name several children (a household in one MERLIN): one referral per child, linked
-- by contact_id, numbered in the order the contact gives them (child_position). The sender's
-- externalRef names the contact, so it is unique per child of it, not per referral: the same
-- contact sent again with a child added adds only that child.
-- See docs/decisions/0022-a-contact-with-several-children.md.

CREATE SEQUENCE contact_id_seq;

ALTER TABLE referral
    ADD COLUMN contact_id     bigint,
    ADD COLUMN child_position integer NOT NULL DEFAULT 0 CHECK (child_position >= 0);

-- every earlier referral was a contact of its own
UPDATE referral SET contact_id = id;
SELECT setval('contact_id_seq', greatest((SELECT max(id) FROM referral), 1));

ALTER TABLE referral
    ALTER COLUMN contact_id SET NOT NULL,
    ALTER COLUMN contact_id SET DEFAULT nextval('contact_id_seq'),
    DROP CONSTRAINT referral_external_ref_key,
    ADD CONSTRAINT referral_contact_child UNIQUE (external_ref, child_position),
    ADD CONSTRAINT referral_contact_position UNIQUE (contact_id, child_position);


-- The RAG a contact came in with, kept apart from the referral's current RAG (which screening
-- changes), so that a contact sent again can be compared with the contact as received: the same
-- externalRef with a different contact is refused, never mistaken for a resend.
-- See docs/decisions/0010-what-the-front-door-refuses.md.

ALTER TABLE referral ADD COLUMN intake_rag text CHECK (intake_rag IN ('RED', 'AMBER', 'GREEN'));

-- Earlier referrals: intake wrote a RAG given with the contact as the first rag_change, at the
-- moment of receipt, with the reason 'Rated at intake'; no other write does. Where that row exists,
-- it is the intake RAG; where it does not, the contact came in unrated and null is exact.
UPDATE referral r
SET intake_rag = c.to_rag
FROM rag_change c
WHERE c.referral_id = r.id
  AND c.from_rag IS NULL
  AND c.reason = 'Rated at intake'
  AND c.changed_at = r.received_at;

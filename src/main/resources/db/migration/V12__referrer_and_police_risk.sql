-- Who referred (so the hub can ask more and feed back) and the police's own risk grading of a
-- notification. Both are contact fields: every referral made of a contact carries them, and a
-- contact sent again is compared on them (docs/decisions/0010-what-the-front-door-refuses.md).
-- Neither is ever sent to the board.

ALTER TABLE referral
    ADD COLUMN referrer_name    text,
    ADD COLUMN referrer_role    text,
    ADD COLUMN referrer_agency  text,
    ADD COLUMN referrer_contact text,
    ADD COLUMN police_risk      text CHECK (police_risk IN ('STANDARD', 'MEDIUM', 'HIGH')),
    ADD CONSTRAINT referral_police_risk_police CHECK (police_risk IS NULL OR source = 'POLICE'),
    ADD CONSTRAINT referral_referrer_named CHECK (referrer_name IS NOT NULL
        OR (referrer_role IS NULL AND referrer_agency IS NULL AND referrer_contact IS NULL));

-- A child may be taken in with an unknown first name, an estimated age instead of a date of birth,
-- or unborn with an expected date of delivery (a pre-birth referral). Exactly one of the three
-- dates or ages is known. The child key stays exact for a fully known child; to find the same
-- child again when details become known, each referral also keeps keys of the surname and of the
-- whole name, and the window its birth falls in.
-- See docs/decisions/0023-knowing-a-child-again.md.

ALTER TABLE referral
    ALTER COLUMN child_first_name DROP NOT NULL,
    ALTER COLUMN child_date_of_birth DROP NOT NULL,
    ADD COLUMN child_estimated_age integer CHECK (child_estimated_age BETWEEN 0 AND 17),
    ADD COLUMN child_expected_on   date,
    ADD COLUMN child_surname_key   text,
    ADD COLUMN child_name_key      text,
    ADD COLUMN child_born_from     date,
    ADD COLUMN child_born_to       date,
    ADD CONSTRAINT referral_child_age_known
        CHECK (num_nonnulls(child_date_of_birth, child_estimated_age, child_expected_on) = 1),
    ADD CONSTRAINT referral_child_born_window CHECK (child_born_from <= child_born_to);

-- Earlier referrals keep only their exact key (the keys are keyed by a secret the database does
-- not hold); they are found again by it alone, as before.
CREATE INDEX referral_child_surname ON referral (child_surname_key, child_born_from)
    WHERE child_surname_key IS NOT NULL;

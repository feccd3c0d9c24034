-- Refused sign-ins, at every door: who tried (the name given, which need not be a user), from where,
-- and whether that failure locked the account or address for a while. Kept apart from the case
-- trail, which is about referrals and the people working them.
CREATE TABLE sign_in_refusal (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    door          text        NOT NULL CHECK (door IN ('rest', 'rsocket', 'login')),
    account       text        NOT NULL,
    address       text        NOT NULL,
    failures      integer     NOT NULL,
    locked_until  timestamptz
);
CREATE INDEX sign_in_refusal_account ON sign_in_refusal (account, at);
CREATE INDEX sign_in_refusal_address ON sign_in_refusal (address, at);

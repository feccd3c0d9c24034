package org.mashlive.referral;

/** The consent status of a contact. The hub is consent-based; an override records why. */
public enum Consent {
    GIVEN, REFUSED, NOT_SOUGHT, OVERRIDDEN
}

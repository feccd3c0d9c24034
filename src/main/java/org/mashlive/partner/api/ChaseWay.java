package org.mashlive.partner.api;

/** How a partner was chased. */
public enum ChaseWay {
    PHONE, EMAIL, SECURE_EMAIL, PORTAL, LETTER, IN_PERSON
}

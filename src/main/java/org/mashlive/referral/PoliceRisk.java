package org.mashlive.referral;

/** The police's own risk grading on a notification (a MERLIN), as the police give it. */
public enum PoliceRisk {
    STANDARD, MEDIUM, HIGH
}

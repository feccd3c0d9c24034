package org.mashlive.referral;

/** Which part of health a health contact came from. */
public enum HealthType {
    ACUTE_TRUST, GP, COMMUNITY_HEALTH_VISITING, SCHOOL_NURSING, CHILD_DEVELOPMENT_CENTRE, THERAPIES, CAMHS
}

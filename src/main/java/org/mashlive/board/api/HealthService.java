package org.mashlive.board.api;

/** Which part of health a request to {@link Agency#HEALTH} goes to. */
public enum HealthService {
    GP("GP"),
    HEALTH_VISITING("Health visiting"),
    SCHOOL_NURSING("School nursing"),
    MIDWIFERY("Midwifery"),
    ACUTE_TRUST("Acute trust"),
    CAMHS("CAMHS"),
    COMMUNITY_PAEDIATRICS("Community paediatrics");

    private final String label;

    HealthService(String label) {
        this.label = label;
    }

    /** How a screen names it. */
    public String label() {
        return label;
    }
}

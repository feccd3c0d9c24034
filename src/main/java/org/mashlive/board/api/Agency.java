package org.mashlive.board.api;

/** A partner agency the hub asks for information. */
public enum Agency {
    POLICE("Police"),
    /** Health: which part of health is a {@link HealthService}. */
    HEALTH("Health"),
    EDUCATION("Education"),
    PROBATION("Probation"),
    HOUSING("Housing"),
    OTHER_LOCAL_AUTHORITY("Another local authority"),
    BORDER_FORCE("Border Force");

    private final String label;

    Agency(String label) {
        this.label = label;
    }

    /** How a screen names it. */
    public String label() {
        return label;
    }
}

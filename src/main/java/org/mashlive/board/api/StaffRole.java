package org.mashlive.board.api;

/** What a member of the hub's staff does. */
public enum StaffRole {
    SOCIAL_WORKER("Social worker"),
    SENIOR_PRACTITIONER("Senior practitioner"),
    MASH_POLICE_OFFICER("MASH police officer"),
    MASH_HEALTH_PRACTITIONER("MASH health practitioner"),
    EARLY_HELP_WORKER("Early help worker"),
    OOH_DUTY_SOCIAL_WORKER("Out-of-hours duty social worker"),
    DUTY_LEAD("Duty lead"),
    MANAGER("Manager");

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

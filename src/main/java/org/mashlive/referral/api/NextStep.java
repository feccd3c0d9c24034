package org.mashlive.referral.api;

/** Where a decided contact goes next: the team that receives it. */
public enum NextStep {
    EARLY_HELP("Early Help"),
    ASSESSMENT("Assessment"),
    POLICE_ONLY("Police only"),
    OTHER_LOCAL_AUTHORITY("Other local authority"),
    NO_FURTHER_ACTION("No further action");

    private final String label;

    NextStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

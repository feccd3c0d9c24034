package org.mashlive.board.api;

/** The decision on a contact. */
public enum Outcome {
    NO_FURTHER_ACTION("No further action"),
    ADVICE_SIGNPOSTING("Advice / signposting"),
    EARLY_HELP("Early help"),
    ASSESSMENT_S17("Child and family assessment (s17)"),
    STRATEGY_S47("Strategy discussion / s47"),
    POLICE_ONLY("Police-only action");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

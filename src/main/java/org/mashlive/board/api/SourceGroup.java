package org.mashlive.board.api;

/** Sources as the arrivals tile groups them: the three largest partners and everyone else. */
public enum SourceGroup {
    POLICE("Police"), HEALTH("Health"), EDUCATION("Education"), OTHER("Other");

    private final String label;

    SourceGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

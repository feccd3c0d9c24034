package org.mashlive.board.api;

/**
 * Sources as the arrivals tile groups them: the three largest partners, Border Force (apart, as the
 * scrutiny committee asked: children arriving at the border are counted where they can be seen), and
 * everyone else.
 */
public enum SourceGroup {
    POLICE("Police"), HEALTH("Health"), EDUCATION("Education"), BORDER_FORCE("Border Force"), OTHER("Other");

    private final String label;

    SourceGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.mashlive.board.api;

/** A member of staff's contract, which decides how much of a funded post they fill. */
public enum Contract {
    FULL_TIME("Full time"), PART_TIME("Part time"), LEAN("Lean");

    private final String label;

    Contract(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

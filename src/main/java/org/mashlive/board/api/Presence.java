package org.mashlive.board.api;

/** Where a member of staff is now, as the rota and their break say. */
public enum Presence {
    /** On a shift of the rota and not on a break. */
    ON_SHIFT("On shift"),
    /** On a shift of the rota, on a break they or a lead set. */
    ON_BREAK("On break"),
    /** Not on a shift now. */
    OFF("Off");

    private final String label;

    Presence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

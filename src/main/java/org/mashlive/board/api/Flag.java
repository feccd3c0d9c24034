package org.mashlive.board.api;

/** Child flags that change how a case is handled. */
public enum Flag {
    SEND("SEND"),
    NON_VERBAL("Non-verbal"),
    ASYLUM_SEEKING("Asylum-seeking / new arrival"),
    ASD_CONCERN("ASD concern"),
    DOMESTIC_ABUSE("Domestic abuse");

    private final String label;

    Flag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

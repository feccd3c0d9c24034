package org.mashlive.board.api;

/** How a contact came through the front door. */
public enum Channel {
    PHONE("Phone"), EMAIL("Email"), PORTAL("Online portal"), POLICE_NOTIFICATION("Police notification");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

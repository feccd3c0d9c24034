package org.mashlive.board.api;

/** Who made the contact. */
public enum Source {
    POLICE("Police"),
    HEALTH("Health"),
    EDUCATION("Education"),
    BORDER_FORCE("Border Force"),
    FAMILY_SELF("Family / self"),
    VOLUNTARY("Voluntary sector"),
    OTHER_LOCAL_AUTHORITY("Other local authority");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The groups the board's arrivals tile shares today's contacts between. */
    public SourceGroup group() {
        return switch (this) {
            case POLICE -> SourceGroup.POLICE;
            case HEALTH -> SourceGroup.HEALTH;
            case EDUCATION -> SourceGroup.EDUCATION;
            case BORDER_FORCE -> SourceGroup.BORDER_FORCE;
            default -> SourceGroup.OTHER;
        };
    }
}

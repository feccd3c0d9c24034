package org.mashlive.wallboard.shell;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mashlive.board.api.Access;

/**
 * The wall-board's pages and who may open each, as the views declare in {@code @RolesAllowed} (a test
 * holds the two together). The header's navigation lists the pages a person may open, and the "not
 * allowed" pages name the roles a page needs, from here.
 */
public enum Pages {

    BOARD("board", "Board", Access.BOARD_READERS),
    DUTY("duty", "Duty queue", Access.DUTY_LEADS),
    SIGN_OFF("sign-off", "Sign-off", Access.DUTY_LEADS),
    INTAKE("intake", "Intake", Access.INTAKERS),
    CAPACITY("capacity", "Capacity", List.of(Access.SERVICE_HEAD, Access.HUB_MANAGER, Access.ADMIN)),
    QUALITY("quality", "Quality", List.of(Access.HUB_MANAGER, Access.ADMIN)),
    FEEDBACK("feedback", "My feedback", Access.DUTY_LEADS),
    DISAGREEMENTS("disagreements", "Disagreements", List.of(Access.HUB_MANAGER, Access.DUTY_LEAD, Access.ADMIN)),
    KIOSKS("admin/kiosks", "Kiosk tokens", List.of(Access.ADMIN));

    private final String path;
    private final String label;
    private final List<String> roles;

    Pages(String path, String label, List<String> roles) {
        this.path = path;
        this.label = label;
        this.roles = roles;
    }

    /** The route, without a leading slash. */
    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    /** The roles that may open the page. */
    public List<String> roles() {
        return roles;
    }

    boolean openTo(Collection<String> held) {
        return roles.stream().anyMatch(held::contains);
    }

    /** The page at {@code path} ({@code ""} is the board), with or without its leading slash. */
    static Optional<Pages> at(String path) {
        String bare = path.startsWith("/") ? path.substring(1) : path;
        if (bare.isEmpty()) {
            return Optional.of(BOARD);
        }
        return Arrays.stream(values()).filter(page -> page.path.equals(bare)).findFirst();
    }

    /** The pages a holder of {@code held} may open, in the navigation's order. */
    static List<Pages> allOpenTo(Collection<String> held) {
        return Arrays.stream(values()).filter(page -> page.openTo(held)).toList();
    }

    /** "duty leads or admins": the people who may open the page, in words. */
    String who() {
        var people = roles.stream().filter(role -> !role.equals(Access.BOARD)).map(Pages::plural).toList();
        if (people.size() == 1) {
            return people.getFirst();
        }
        return people.subList(0, people.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + people.getLast();
    }

    /** A role's name for people: "Duty lead". */
    static String roleLabel(String role) {
        return switch (role) {
            case Access.HUB_MANAGER -> "Hub manager";
            case Access.DUTY_LEAD -> "Duty lead";
            case Access.SERVICE_HEAD -> "Service head";
            case Access.ADMIN -> "Admin";
            case Access.FRONT_DOOR -> "Front door";
            case Access.BOARD -> "Board screen";
            default -> role;
        };
    }

    private static String plural(String role) {
        return switch (role) {
            case Access.HUB_MANAGER -> "hub managers";
            case Access.DUTY_LEAD -> "duty leads";
            case Access.SERVICE_HEAD -> "service heads";
            case Access.ADMIN -> "admins";
            case Access.FRONT_DOOR -> "front-door workers";
            default -> role;
        };
    }
}

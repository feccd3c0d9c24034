package org.mashlive.wallboard.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.kiosk.api.CreatedKiosk;
import org.mashlive.kiosk.api.KioskCard;
import org.mashlive.kiosk.api.NewKiosk;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.KioskAdmin;
import org.mashlive.wallboard.KioskScreens;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;

/**
 * The hub's kiosk tokens, for admins: make one for a TV (named, bound to a team or to the whole hub;
 * its address is shown once, as only a hash of the token is kept), see when each screen was last
 * seen, and revoke one, whose open board then leaves for the "revoked" page. Every change is the
 * backend's, made as the signed-in admin, so its trail names them.
 */
@Route("admin/kiosks")
@RolesAllowed({Access.ADMIN})
@PageTitle("Kiosk tokens · MASH live board")
@StyleSheet("styles/duty.css")
public class KiosksView extends Main {

    /** What the team choice shows for a token that shows the whole hub. */
    static final String WHOLE_HUB = "Whole hub";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private final KioskAdmin backend;
    private final KioskScreens screens;
    private final BoardFeed feed;
    private final Clock clock;
    private final ActingUser user;
    private final String boardAddress;

    final TextField name = new TextField("Screen");
    final Select<String> team = new Select<>();
    final Button create = new Button("Make token");
    final Div created = new Div();
    final Div list = new Div();
    private List<KioskCard> shown = List.of();

    @Autowired
    KiosksView(KioskAdmin backend, KioskScreens screens, BoardFeed feed, Clock clock) {
        this(backend, screens, feed, clock, ActingUser.current().orElse(null), boardAddress());
    }

    KiosksView(KioskAdmin backend, KioskScreens screens, BoardFeed feed, Clock clock, ActingUser user,
               String boardAddress) {
        this.backend = backend;
        this.screens = screens;
        this.feed = feed;
        this.clock = clock;
        this.user = user;
        this.boardAddress = boardAddress;
        setId("kiosks");
        addClassName("duty");
        name.setId("kiosk-name");
        name.setPlaceholder("Reception TV");
        name.setMaxLength(80);
        name.setHelperText("Where the screen is, so you know which to revoke if it is lost");
        team.setId("kiosk-team");
        team.setLabel("Board of");
        create.setId("kiosk-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        created.setId("kiosk-created");
        list.setId("kiosk-list");
        var form = new Div(name, team, create);
        form.addClassName("duty-action-fields");
        var intro = new Paragraph("A kiosk token signs a TV in to the board without a person's sign-in. Its "
                + "address is shown once, when it is made: open it on the TV. Revoke a token when its screen is "
                + "lost or moved; the screen then shows that its token was revoked.");
        add(new H1("Kiosk tokens"), intro, form, created, list);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getElement().setAttribute("theme", "dark");
        load();
    }

    /** The tokens shown now, newest first. */
    List<KioskCard> shown() {
        return shown;
    }

    private void load() {
        var teams = call("Could not read the hub's teams", () -> backend.teams(user));
        if (teams != null) {
            var choices = new java.util.ArrayList<String>();
            choices.add(WHOLE_HUB);
            choices.addAll(teams);
            team.setItems(choices);
            team.setValue(WHOLE_HUB);
        }
        var kiosks = call("Could not read the kiosk tokens", () -> backend.kiosks(user));
        if (kiosks != null) {
            shown = kiosks;
        }
        draw();
    }

    private void create() {
        String chosen = team.getValue() == null || WHOLE_HUB.equals(team.getValue()) ? null : team.getValue();
        CreatedKiosk made = call("The token was not made", () -> backend.createKiosk(user, new NewKiosk(name.getValue(),
                chosen)));
        if (made == null) {
            return;
        }
        created.removeAll();
        var address = new Span(boardAddress + "?kiosk=" + made.token());
        address.setId("kiosk-new-address");
        address.addClassName("kiosk-address");
        var section = new Section(new H2("Token made for " + made.kiosk().name()),
                new Paragraph("Open this address on the screen. It is shown only now: copy it before you leave "
                        + "this page."), address);
        section.addClassName("duty-action");
        created.add(section);
        name.clear();
        notice("Token made for " + made.kiosk().name(), false);
        load();
    }

    private void revoke(KioskCard kiosk) {
        KioskCard done = call("The token was not revoked", () -> backend.revokeKiosk(user, kiosk.id()));
        if (done == null) {
            return;
        }
        screens.revoked(kiosk.id());
        notice("Revoked: " + kiosk.name() + ". Its screen shows that its token was revoked.", false);
        load();
    }

    private void draw() {
        list.removeAll();
        if (shown.isEmpty()) {
            list.add(new Paragraph("No kiosk tokens have been made here yet."));
            return;
        }
        ZoneId zone = feed.zone();
        for (var kiosk : shown) {
            var section = new Section();
            section.setId("kiosk-" + kiosk.id());
            section.addClassName("duty-action");
            section.add(new H2(kiosk.name() + (kiosk.revoked() ? " · revoked" : "")));
            section.add(fact("Board of", kiosk.team() == null ? WHOLE_HUB : kiosk.team()),
                    fact("Made", when(kiosk.createdAt(), zone) + " by " + kiosk.createdBy()),
                    fact("Last seen", kiosk.lastSeenAt() == null ? "not yet" : when(kiosk.lastSeenAt(), zone)));
            if (kiosk.revoked()) {
                section.add(fact("Revoked", when(kiosk.revokedAt(), zone) + " by " + kiosk.revokedBy()));
            } else {
                var revoke = new Button("Revoke", e -> revoke(kiosk));
                revoke.setId("kiosk-revoke-" + kiosk.id());
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
                section.add(revoke);
            }
            list.add(section);
        }
    }

    private <T> T call(String failed, Supplier<T> action) {
        if (user == null) {
            notice("Your sign-in has no backend session: sign out and sign in again", true);
            return null;
        }
        try {
            return action.get();
        } catch (DutyException e) {
            notice(failed + ": " + e.getMessage(), true);
            return null;
        }
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    private static Div fact(String label, String value) {
        var name = new Span(label);
        name.addClassName("label");
        var text = new Span(value);
        text.addClassName("value");
        var line = new Div(name, text);
        line.addClassName("fact");
        return line;
    }

    private static void notice(String text, boolean error) {
        var notification = new Notification(text, 10_000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        notification.addClassName("kiosk-notice");
        notification.getElement().setAttribute("role", error ? "alert" : "status");
        notification.open();
    }

    /** The board's address as this admin reaches the wall-board, for the kiosk address shown. */
    private static String boardAddress() {
        var request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/board";
        }
        var http = request.getHttpServletRequest();
        String scheme = http.getScheme();
        int port = http.getServerPort();
        boolean usual = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + http.getServerName() + (usual ? "" : ":" + port) + http.getContextPath() + "/board";
    }
}

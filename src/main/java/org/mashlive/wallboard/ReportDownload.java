package org.mashlive.wallboard;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * The front-door report of a chosen period as a CSV download: the exact figures, counted from the
 * database by the backend for the signed-in person (service heads and admins), not the trends. The
 * report is fetched when asked for, so a refusal (a wrong period, a role that may not read it) is told
 * at once in the backend's words, and the link then downloads what was fetched.
 */
final class ReportDownload extends Section {

    /** Fetches the report of a period as CSV; a {@link DutyException} when the backend refuses. */
    interface Source {
        String csv(String from, String to);
    }

    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Button prepare = new Button("Prepare report");
    final Div ready = new Div();
    /** The CSV last fetched, for the link; null before. */
    volatile String csv;

    /** @param zone the hub's zone, whose calendar months the default period covers */
    ReportDownload(Source source, Clock clock, ZoneId zone) {
        setId("report-download");
        addClassName("capacity-tile");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        // last month by default: the period a committee report usually covers
        from.setValue(today.minusMonths(1).withDayOfMonth(1));
        to.setValue(today.minusMonths(1).with(TemporalAdjusters.lastDayOfMonth()));
        from.setId("report-from");
        to.setId("report-to");
        prepare.setId("report-prepare");
        ready.setId("report-ready");
        var note = new Paragraph("Exact figures for a period, counted from the database: contacts, referrals, "
                + "outcomes and next steps, decisions within one working day and within timescale, re-referrals, "
                + "sign-off. Grafana shows the trends.");
        prepare.addClickListener(e -> {
            ready.removeAll();
            var first = from.getValue();
            var last = to.getValue();
            try {
                csv = source.csv(first == null ? null : first.toString(), last == null ? null : last.toString());
            } catch (DutyException refused) {
                var notice = Notification.show("The report was not made: " + refused.getMessage(), 10_000,
                        Notification.Position.TOP_CENTER);
                notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
                notice.getElement().setAttribute("role", "alert");
                return;
            }
            String name = "front-door-report-" + first + "-to-" + last + ".csv";
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            var link = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(bytes), name, "text/csv", bytes.length)), "Download " + name);
            link.setId("report-link");
            ready.add(link);
        });
        add(new H2("The front-door report"), note, new Div(from, to, prepare), ready);
    }
}

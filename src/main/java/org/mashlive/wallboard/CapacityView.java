package org.mashlive.wallboard;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.SourceGroup;
import org.mashlive.board.api.StaffRole;
import org.mashlive.capacity.api.CapacitySummary;
import org.mashlive.capacity.api.DailyArrivals;
import org.mashlive.capacity.api.DailyTimeliness;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Capacity for service heads, hub managers and admins: the front door now, its last fourteen days as
 * small trend lines (drawn on the server as SVG), the forecast of breaches to the end of the day,
 * staffing once it is known, and links to the Grafana
 * dashboards for weeks and months. Counts and shares only. While open it checks the figures the
 * wall-board last read from the backend every {@link #TICK}, as the other views refresh (through
 * {@link PushPacing}), and redraws only when they changed.
 */
@Route("capacity")
@RolesAllowed({Access.SERVICE_HEAD, Access.HUB_MANAGER, Access.ADMIN})
@PageTitle("Capacity · MASH Live")
@StyleSheet("styles/capacity.css")
class CapacityView extends Main {

    /** How often an open view looks for new figures; the backend is read every minute. */
    static final Duration TICK = Duration.ofSeconds(5);
    static final Duration BATCH = Duration.ofMillis(250);

    /** The Grafana dashboards, by uid, as provisioned from grafana/dashboards. */
    static final List<String[]> DASHBOARDS = List.of(
            new String[] {"mash-demand", "Front-door demand"},
            new String[] {"mash-timeliness", "Timeliness"},
            new String[] {"mash-capacity", "Capacity and workforce"},
            new String[] {"mash-platform", "Platform"});

    private final CapacityFeed feed;
    private final BoardFeed board;
    private final Div content = new Div();
    private final Span asOf = new Span();
    private CapacitySummary shown;
    private Disposable refreshing;

    /** As the wall-board builds it: with the report's download, fetched as the signed-in person. */
    @org.springframework.beans.factory.annotation.Autowired
    CapacityView(CapacityFeed feed, BoardFeed board, GrafanaProperties grafana, DutyBackend backend,
                 java.time.Clock clock, QualityBackend quality) {
        this(feed, board, grafana, reportSource(backend, ActingUser.current().orElse(null)), clock);
        add(OpenEscalations.of(quality, ActingUser.current().orElse(null)));
    }

    CapacityView(CapacityFeed feed, BoardFeed board, GrafanaProperties grafana, ReportDownload.Source reports,
                 java.time.Clock clock) {
        this(feed, board, grafana);
        add(new ReportDownload(reports, clock, board.zone()));
    }

    private static ReportDownload.Source reportSource(DutyBackend backend, ActingUser user) {
        return (from, to) -> {
            if (user == null) {
                throw new DutyException(DutyException.Kind.REFUSED,
                        "your sign-in has no backend session: sign out and sign in again");
            }
            return backend.frontDoorReport(user, new org.mashlive.capacity.api.ReportRequest(from, to));
        };
    }

    CapacityView(CapacityFeed feed, BoardFeed board, GrafanaProperties grafana) {
        this.feed = feed;
        // the hub's zone comes with the board snapshot
        this.board = board;
        setId("capacity");
        addClassName("capacity");
        var title = new H1("Capacity");
        asOf.setId("capacity-as-of");
        asOf.addClassName("capacity-as-of");
        var header = new Header(title, asOf);
        header.addClassName("capacity-header");
        content.setId("capacity-content");
        content.addClassName("capacity-content");
        var links = new Div();
        links.setId("grafana-links");
        links.addClassName("grafana-links");
        var linksTitle = new H2("Weeks and months in Grafana");
        var list = new UnorderedList();
        for (var dashboard : DASHBOARDS) {
            var link = new Anchor(grafana.dashboard(dashboard[0]), dashboard[1], AnchorTarget.BLANK);
            link.setId("grafana-" + dashboard[0]);
            // says it opens elsewhere, as a new tab is no surprise then
            link.getElement().setAttribute("aria-label", dashboard[1] + " (Grafana, opens in a new tab)");
            list.add(new ListItem(link));
        }
        links.add(linksTitle, list);
        add(header, content, links);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        refresh();
        UI ui = event.getUI();
        stopRefreshing();
        // the figures change once a minute at most and say so by being different: the tick alone paces it
        refreshing = PushPacing.refreshing(ui, Flux.never(), BATCH, TICK, this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopRefreshing();
        super.onDetach(event);
    }

    private void stopRefreshing() {
        if (refreshing != null) {
            refreshing.dispose();
            refreshing = null;
        }
    }

    /** Shows the latest figures; leaves the page alone when they have not changed. */
    void refresh() {
        var latest = feed.latest().orElse(null);
        if (latest != null && latest.equals(shown)) {
            return;
        }
        shown = latest;
        content.removeAll();
        asOf.setText(latest == null ? "" : "Figures as of " + BoardText.clock(latest.at(), board.zone()));
        if (latest == null) {
            var waiting = new Paragraph("Waiting for the capacity figures from the backend…");
            waiting.setId("capacity-waiting");
            waiting.addClassName("waiting");
            content.add(waiting);
            return;
        }
        content.add(now(latest), forecast(latest), arrivals(latest), timeliness(latest), workforce(latest));
    }

    private Section now(CapacitySummary summary) {
        var figures = new Div(
                figure("open", "Open now", Integer.toString(summary.openNow())),
                figure("breached", "Breached now", Integer.toString(summary.breachedNow())),
                figure("arrivals-today", "Contacts today", Integer.toString(summary.arrivalsToday())),
                figure("average", "Daily average, 14 days", String.format(Locale.UK, "%.1f", summary.averageArrivals())),
                figure("rereferral-rate", "Re-referrals, 14 days", BoardText.percent(100 * summary.reReferralRate())),
                figure("out-of-hours", "Out of hours, 14 days", Integer.toString(summary.outOfHoursContacts())));
        figures.addClassName("capacity-figures");
        return tile("capacity-now", "The front door now", figures);
    }

    /** The breach forecast (docs/decisions/0017-breach-forecast.md): to the end of core hours and the next 4 hours. */
    private Section forecast(CapacitySummary summary) {
        var forecast = summary.forecast();
        var day = new Paragraph(ForecastText.endOfDay(forecast, board.zone()));
        day.setId("capacity-forecast-day");
        day.addClassName("forecast-day");
        if (forecast == null) {
            return tile("capacity-forecast", "Forecast of the day", day);
        }
        var next = new Paragraph(ForecastText.next4Hours(forecast, board.zone()));
        next.setId("capacity-forecast-next");
        var pace = new Paragraph(String.format(Locale.UK,
                "Recent pace: %.2f decisions an hour per deciding worker on shift, over the last day. "
                        + "Contacts yet to come are not counted: the forecast is a floor.",
                forecast.pacePerWorkerHour()));
        pace.setId("capacity-forecast-pace");
        pace.addClassName("figure-label");
        return tile("capacity-forecast", "Forecast of the day", day, next, pace);
    }

    private Section arrivals(CapacitySummary summary) {
        var groups = SourceGroup.values();
        var series = java.util.Arrays.stream(groups)
                .map(group -> summary.arrivals().stream().map(day -> (Double) (double) total(day, group)).toList())
                .toList();
        var legend = new Div();
        legend.addClassName("legend");
        for (var group : groups) {
            int total = summary.arrivals().stream().mapToInt(day -> total(day, group)).sum();
            var item = new Span(group.label() + " " + total);
            item.setId("trend-arrivals-" + group.name().toLowerCase(Locale.ROOT));
            item.addClassNames("legend-item", "source-" + group.name().toLowerCase(Locale.ROOT));
            legend.add(item);
        }
        var chart = Sparkline.html(Sparkline.svg("Contacts per day by source, last 14 days", 560, 120, null, series,
                java.util.Arrays.stream(groups).map(g -> "source-" + g.name().toLowerCase(Locale.ROOT)).toList()));
        chart.setId("trend-arrivals");
        return tile("capacity-arrivals", "Contacts per day by source · 14 days", chart, legend);
    }

    private static int total(DailyArrivals day, SourceGroup group) {
        return java.util.Arrays.stream(Source.values()).filter(source -> source.group() == group)
                .mapToInt(day::from).sum();
    }

    private Section timeliness(CapacitySummary summary) {
        var rags = List.of(Rag.RED, Rag.AMBER, Rag.GREEN);
        var series = rags.stream()
                .map(rag -> summary.timeliness().stream().map(day -> day.of(rag).share()).toList())
                .toList();
        var legend = new Div();
        legend.addClassName("legend");
        for (var rag : rags) {
            int decided = summary.timeliness().stream().mapToInt(day -> day.of(rag).decided()).sum();
            int within = summary.timeliness().stream().mapToInt(day -> day.of(rag).within()).sum();
            var item = new Span(rag.label() + " " + (decided == 0 ? "no decisions"
                    : BoardText.percent(100.0 * within / decided) + " of " + decided));
            item.setId("trend-timeliness-" + rag.name().toLowerCase(Locale.ROOT));
            item.addClassNames("legend-item", "rag-" + rag.name().toLowerCase(Locale.ROOT));
            legend.add(item);
        }
        var chart = Sparkline.html(Sparkline.svg("Share decided within timescale per day by RAG, last 14 days", 560, 120,
                1.0, series, rags.stream().map(r -> "rag-" + r.name().toLowerCase(Locale.ROOT)).toList()));
        chart.setId("trend-timeliness");
        return tile("capacity-timeliness", "Decided within timescale by RAG · 14 days", chart, legend);
    }

    private Section workforce(CapacitySummary summary) {
        var body = new Div();
        body.setId("capacity-workforce-lines");
        if (summary.workforce().isEmpty()) {
            body.add(new Paragraph("No staffing figures yet."));
        }
        if (summary.availableWorkers() != null) {
            var queue = new Div(
                    figure("available", "Available now", Integer.toString(summary.availableWorkers())),
                    figure("per-available", "Open per available worker", perWorker(summary.openPerAvailableWorker())));
            queue.addClassName("capacity-figures");
            body.add(queue);
        }
        int n = 0;
        for (var role : summary.workforce()) {
            var caseload = role.caseloadPerWorker();
            var line = new Div(new Span(role.team() + " · " + roleLabel(role.role())),
                    new Span(role.onDuty() + " on duty of " + fte(role.establishment()) + " posts, "
                            + fte(role.vacancies()) + " vacant, caseload "
                            + (caseload == null ? "none in post" : String.format(Locale.UK, "%.1f", caseload)
                                    + " per worker (" + role.caseload() + " open, " + role.workers() + " people)")));
            line.addClassName("workforce-line");
            line.setId("workforce-line-" + n++);
            body.add(line);
        }
        for (var partner : summary.partnerRequests()) {
            var line = new Div(new Span(partner.partner() + " requests outstanding"),
                    new Span(partner.outstanding() + ", oldest " + BoardText.duration(partner.oldest())));
            line.setId("partner-" + partner.partner().toLowerCase(Locale.ROOT));
            line.addClassName("workforce-line");
            body.add(line);
        }
        return tile("capacity-workforce", "Staffing", body);
    }

    private static String fte(double value) {
        return String.format(Locale.UK, "%.1f", value);
    }

    /** "–" with nobody available and nothing open; "∞" with referrals open and nobody to take them. */
    private static String perWorker(Double value) {
        if (value == null) {
            return "–";
        }
        return value.isInfinite() ? "∞" : String.format(Locale.UK, "%.1f", value);
    }

    private static String roleLabel(String role) {
        try {
            return StaffRole.valueOf(role).label();
        } catch (IllegalArgumentException unknown) {
            return role;
        }
    }

    private static Div figure(String id, String label, String value) {
        var number = new Span(value);
        number.setId("capacity-" + id);
        number.addClassName("figure-value");
        var caption = new Span(label);
        caption.addClassName("figure-label");
        var figure = new Div(number, caption);
        figure.addClassName("figure");
        return figure;
    }

    private static Section tile(String id, String title, com.vaadin.flow.component.Component... content) {
        var section = new Section(new H2(title));
        section.add(content);
        section.setId(id);
        section.addClassNames("tile", "tile-" + id);
        return section;
    }
}

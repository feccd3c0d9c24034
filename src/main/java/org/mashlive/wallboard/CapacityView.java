package org.mashlive.wallboard;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.SourceGroup;
import org.mashlive.board.api.StaffRole;
import org.mashlive.capacity.api.CapacitySummary;
import org.mashlive.capacity.api.DailyArrivals;
import org.mashlive.capacity.api.DailyTimeliness;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Capacity for service heads: the front door now, its last fourteen days as small trend lines
 * (drawn on the server as SVG), staffing once it is known, and links to the Grafana dashboards for
 * weeks and months. Counts and shares only. Refreshed every {@link #REFRESH} from the figures the
 * wall-board last read from the backend.
 */
@Route("capacity")
@PageTitle("Stronger Families Hub · MASH capacity")
class CapacityView extends Main {

    static final Duration REFRESH = Duration.ofSeconds(30);

    /** The Grafana dashboards, by uid, as provisioned from grafana/dashboards. */
    static final List<String[]> DASHBOARDS = List.of(
            new String[] {"mash-demand", "Front-door demand"},
            new String[] {"mash-timeliness", "Timeliness"},
            new String[] {"mash-capacity", "Capacity and workforce"},
            new String[] {"mash-platform", "Platform"});

    private final CapacityFeed feed;
    private final Div content = new Div();
    private CapacitySummary shown;
    private Disposable refreshing;

    CapacityView(CapacityFeed feed, GrafanaProperties grafana) {
        this.feed = feed;
        setId("capacity");
        addClassName("capacity");
        var title = new H1("Stronger Families Hub · MASH capacity");
        var header = new Header(title);
        header.addClassName("board-header");
        content.setId("capacity-content");
        content.addClassName("capacity-content");
        var links = new Div();
        links.setId("grafana-links");
        links.addClassName("grafana-links");
        links.add(new Span("Weeks and months in Grafana: "));
        for (var dashboard : DASHBOARDS) {
            var link = new Anchor(grafana.dashboard(dashboard[0]), dashboard[1], AnchorTarget.BLANK);
            link.setId("grafana-" + dashboard[0]);
            links.add(link);
        }
        add(header, content, links);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        refreshing = Flux.interval(REFRESH).subscribe(tick -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (refreshing != null) {
            refreshing.dispose();
            refreshing = null;
        }
        super.onDetach(event);
    }

    /** Shows the latest figures; leaves the page alone when they have not changed. */
    void refresh() {
        var latest = feed.latest().orElse(null);
        if (latest != null && latest.equals(shown)) {
            return;
        }
        shown = latest;
        content.removeAll();
        if (latest == null) {
            var waiting = new Paragraph("Waiting for the capacity figures from the backend…");
            waiting.setId("capacity-waiting");
            waiting.addClassName("waiting");
            content.add(waiting);
            return;
        }
        content.add(now(latest), arrivals(latest), timeliness(latest), workforce(latest));
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
        var chart = new Html(Sparkline.svg("Contacts per day by source, last 14 days", 560, 120, null, series,
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
        var chart = new Html(Sparkline.svg("Share decided within timescale per day by RAG, last 14 days", 560, 120,
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

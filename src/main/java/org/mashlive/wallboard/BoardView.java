package org.mashlive.wallboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.SourceGroup;
import org.mashlive.board.api.StaffCard;
import org.mashlive.board.api.Stage;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import reactor.core.Disposable;

/**
 * The kiosk wall-board: open referrals by stage and RAG, the oldest waiting per RAG, breaches,
 * today's arrivals by source, a ticker of recent events, the police officers on site and
 * out-of-hours cover, under a header with the time and
 * whether the figures are live. It shows references, counts and ages only, never who a child is.
 *
 * <p>The components are built once; each refresh changes only the texts that differ, and rebuilds
 * a list only when its lines differ. A UI is pushed at most every {@link #BATCH}, and on a
 * {@link #TICK} so the clock, ages and stale text move on when nothing happens.
 */
@Route("board")
@RouteAlias("")
@RolesAllowed({Access.BOARD, Access.HUB_MANAGER, Access.DUTY_LEAD, Access.SERVICE_HEAD, Access.ADMIN})
@PageTitle("Stronger Families Hub · MASH live board")
class BoardView extends Main {

    static final String HUB_NAME = "Stronger Families Hub · MASH";
    static final Duration BATCH = Duration.ofMillis(250);
    static final Duration TICK = Duration.ofSeconds(5);
    static final int MAX_BREACHES = 6;
    static final int MAX_TICKER = 8;
    static final int MAX_OOH_REFERENCES = 3;

    private final BoardFeed feed;
    private final CapacityFeed capacity;
    private final Clock clock;

    private final Span clockText = new Span();
    private final Span indicator = new Span();
    private final Div waiting = new Div();
    private final Map<String, NativeTableCell> counts = new HashMap<>();
    private final Map<RagColumn, Map<String, Span>> oldest = new EnumMap<>(RagColumn.class);
    private final Span breachCount = new Span();
    private final UnorderedList breachList = new UnorderedList();
    private final Map<SourceGroup, Map<String, Component>> arrivals = new EnumMap<>(SourceGroup.class);
    private final Span arrivalsTotal = new Span();
    private final Span arrivalsDay = new Span();
    private final OrderedList tickerList = new OrderedList();
    private final Span officersOnSite = new Span();
    private final Span officersMax = new Span();
    private final Span officersFree = new Span();
    private final Span officersOnBreak = new Span();
    private final Span officersOnChecks = new Span();
    private final Span checksWaiting = new Span();
    private final Span checksOldest = new Span();
    private final Span oohCovering = new Span();
    private final Span oohHandover = new Span();
    private final Span oohGap = new Span();
    private final Span oohContactsCount = new Span();
    private final Span oohContactsRefs = new Span();
    private final Span capacityOpen = new Span();
    private final Span capacityToday = new Span();
    private final Span capacityAverage = new Span();

    // the lines last rendered, so an unchanged list is left alone (a few dozen short strings)
    private List<BreachLine> breachLines;
    private int breachesMore;
    private List<TickerLine> tickerLines;

    private Disposable pushes;

    BoardView(BoardFeed feed, CapacityFeed capacity, Clock clock) {
        this.feed = feed;
        this.capacity = capacity;
        this.clock = clock;
        setId("board");
        addClassName("board");
        add(header(), waiting(), stageRag(), oldestTile(), breachesTile(), arrivalsTile(), tickerTile(),
                officersTile(), outOfHoursTile(), capacityTile());
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        refresh();
        UI ui = event.getUI();
        stopPushes();
        pushes = PushPacing.refreshing(ui, feed.changes(), BATCH, TICK, this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPushes();
        super.onDetach(event);
    }

    private void stopPushes() {
        if (pushes != null) {
            pushes.dispose();
            pushes = null;
        }
    }

    /** Brings every tile up to date with the feed at the clock's current instant. */
    void refresh() {
        Instant now = clock.instant();
        Liveness liveness = feed.liveness();
        var figures = feed.read(state -> BoardFigures.of(state, now, MAX_BREACHES, MAX_TICKER));
        waiting.setVisible(figures.isEmpty());
        var shown = figures.orElseGet(() -> BoardFigures.empty(LocalDate.ofInstant(now, BoardState.LONDON)));

        text(clockText, BoardText.clock(now));
        text(indicator, BoardText.liveness(liveness, now));
        indicator.setClassName("live", liveness.live());
        indicator.setClassName("stale", !liveness.live());
        setClassName("is-stale", !liveness.live());

        renderCounts(shown);
        renderOldest(shown);
        renderBreaches(shown, now);
        renderArrivals(shown, now);
        renderTicker(shown);
        renderOfficers(shown);
        renderOutOfHours(shown, now);
        renderCapacity(shown);
    }

    // ---- building, once

    private Header header() {
        var title = new H1(HUB_NAME);
        title.setId("hub-name");
        clockText.setId("clock");
        clockText.addClassName("clock");
        indicator.setId("live-indicator");
        indicator.addClassName("live-indicator");
        // read out when it turns stale, not on every tick
        indicator.getElement().setAttribute("role", "status");
        var right = new Div(clockText, indicator);
        right.addClassName("header-right");
        var header = new Header(title, right);
        header.addClassName("board-header");
        return header;
    }

    private Div waiting() {
        waiting.setId("waiting");
        waiting.addClassName("waiting");
        waiting.setText("Waiting for the first figures from the backend…");
        return waiting;
    }

    private Section stageRag() {
        var table = new NativeTable();
        table.addClassName("stage-rag-table");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("Stage");
        for (var column : RagColumn.values()) {
            var cell = head.addHeaderCell();
            cell.setText(column.label());
            cell.addClassNames("rag-head", "rag-" + column.key());
        }
        head.addHeaderCell().setText("Total");
        var body = table.addBody();
        for (var stage : BoardFigures.STAGES) {
            var row = body.addRow();
            row.addHeaderCell().setText(stage.label());
            for (var column : RagColumn.values()) {
                countCell(row, key(stage) + "-" + column.key()).addClassName("rag-" + column.key());
            }
            countCell(row, key(stage) + "-total").addClassName("total");
        }
        var foot = table.getFoot().addRow();
        foot.addHeaderCell().setText("Total");
        for (var column : RagColumn.values()) {
            countCell(foot, "total-" + column.key()).addClassName("rag-" + column.key());
        }
        countCell(foot, "total-total").addClassName("total");
        return tile("stage-rag", "Open referrals by stage and RAG", table);
    }

    private NativeTableCell countCell(NativeTableRow row, String key) {
        var cell = row.addDataCell();
        cell.setId("count-" + key);
        cell.addClassName("count");
        counts.put(key, cell);
        return cell;
    }

    private Section oldestTile() {
        var cards = new Div();
        cards.addClassName("oldest-cards");
        for (var column : RagColumn.values()) {
            var parts = new HashMap<String, Span>();
            var card = new Div();
            card.setId("oldest-" + column.key());
            card.addClassNames("oldest-card", "rag-" + column.key());
            card.add(badge(column));
            for (var part : List.of("reference", "age", "timescale", "status")) {
                var span = new Span();
                span.setId("oldest-" + column.key() + "-" + part);
                span.addClassName(part);
                parts.put(part, span);
                card.add(span);
            }
            oldest.put(column, parts);
            cards.add(card);
        }
        return tile("oldest", "Oldest waiting", cards);
    }

    private Section breachesTile() {
        breachCount.setId("breach-count");
        breachCount.addClassName("tile-count");
        breachList.setId("breach-list");
        breachList.addClassName("breach-list");
        var title = new H2("Breaches ");
        title.add(breachCount);
        return tile("breaches", title, breachList);
    }

    private Section arrivalsTile() {
        var rows = new Div();
        rows.addClassName("arrival-rows");
        for (var group : SourceGroup.values()) {
            var key = group.name().toLowerCase(Locale.ROOT);
            var label = new Span(group.label());
            label.addClassName("label");
            var fill = new Div();
            fill.setId("arrivals-" + key + "-bar");
            fill.addClassName("bar-fill");
            var track = new Div(fill);
            track.addClassName("bar-track");
            track.getElement().setAttribute("aria-hidden", "true");
            var count = new Span();
            count.setId("arrivals-" + key + "-count");
            count.addClassName("count");
            var share = new Span();
            share.setId("arrivals-" + key + "-share");
            share.addClassName("share");
            var row = new Div(label, track, count, share);
            row.setId("arrivals-" + key);
            row.addClassNames("arrival-row", "source-" + key);
            rows.add(row);
            arrivals.put(group, Map.of("bar", fill, "count", count, "share", share));
        }
        arrivalsTotal.setId("arrivals-total");
        arrivalsDay.setId("arrivals-day");
        var footer = new Div(arrivalsTotal, arrivalsDay);
        footer.addClassName("arrivals-footer");
        return tile("arrivals", "Today's arrivals by source", rows, footer);
    }

    private Section tickerTile() {
        tickerList.setId("ticker-list");
        tickerList.addClassName("ticker-list");
        return tile("ticker", "Latest", tickerList);
    }

    private Section officersTile() {
        officersOnSite.setId("officers-on-site");
        officersOnSite.addClassName("figure");
        officersMax.setId("officers-max");
        officersMax.addClassName("of-max");
        var onSite = new Div(officersOnSite, officersMax, label("on site"));
        onSite.addClassName("officers-main");
        officersFree.setId("officers-free");
        officersFree.addClassName("figure-small");
        officersOnBreak.setId("officers-on-break");
        officersOnBreak.addClassName("figure-small");
        officersOnChecks.setId("officers-on-checks");
        officersOnChecks.addClassName("figure-small");
        // free: on shift, not on a break, and no police check in hand
        var split = new Div(officersOnChecks, label("on checks ·"), officersFree, label("free ·"), officersOnBreak,
                label("on a break"));
        split.addClassName("officers-line");
        checksWaiting.setId("checks-waiting");
        checksWaiting.addClassName("figure-small");
        checksOldest.setId("checks-oldest");
        checksOldest.addClassName("label");
        var checks = new Div(checksWaiting, label("checks waiting"), checksOldest);
        checks.addClassName("officers-line");
        return tile("officers", "Police officers on site", onSite, split, checks);
    }

    private Section outOfHoursTile() {
        oohCovering.setId("ooh-covering");
        oohHandover.setId("ooh-handover");
        oohGap.setId("ooh-gap");
        oohContactsCount.setId("ooh-contacts-count");
        oohContactsCount.addClassName("figure-small");
        oohContactsRefs.setId("ooh-contacts-refs");
        oohContactsRefs.addClassName("references");
        var rows = new Div(
                row("Covering now", oohCovering),
                row("Next handover", oohHandover),
                row("Next gap", oohGap),
                row("Taken out of hours, to pick up", oohContactsCount),
                oohContactsRefs);
        rows.addClassName("ooh-rows");
        return tile("ooh", "Out of hours", rows);
    }

    private static Div row(String name, Component value) {
        var label = new Span(name);
        label.addClassName("row-label");
        var row = new Div(label, value);
        row.addClassName("ooh-row");
        value.getElement().getClassList().add("row-value");
        return row;
    }

    private static Span label(String text) {
        var span = new Span(text);
        span.addClassName("label");
        return span;
    }

    private Section capacityTile() {
        capacityOpen.setId("capacity-open");
        capacityOpen.addClassName("capacity-value");
        capacityToday.setId("capacity-today");
        capacityToday.addClassName("capacity-value");
        capacityAverage.setId("capacity-average");
        capacityAverage.addClassName("capacity-average");
        var open = new Div(capacityOpen, new Span("open now"));
        open.addClassName("capacity-line");
        var today = new Div(capacityToday, new Span("contacts today"));
        today.addClassName("capacity-line");
        return tile("capacity", "Capacity", open, today, capacityAverage);
    }

    private static Section tile(String id, String title, Component... content) {
        return tile(id, new H2(title), content);
    }

    private static Section tile(String id, H2 title, Component... content) {
        var section = new Section(title);
        section.add(content);
        section.setId(id);
        section.addClassNames("tile", "tile-" + id);
        return section;
    }

    private static Span badge(RagColumn column) {
        var badge = new Span(column.label());
        badge.addClassNames("rag-badge", "rag-" + column.key());
        return badge;
    }

    private static String key(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- rendering, on every refresh

    private void renderCounts(BoardFigures figures) {
        for (var stage : BoardFigures.STAGES) {
            for (var column : RagColumn.values()) {
                count(key(stage) + "-" + column.key(), figures.count(stage, column));
            }
            count(key(stage) + "-total", figures.stageTotal(stage));
        }
        for (var column : RagColumn.values()) {
            count("total-" + column.key(), figures.columnTotal(column));
        }
        count("total-total", figures.total());
    }

    private void count(String key, int value) {
        var cell = counts.get(key);
        text(cell, Integer.toString(value));
        cell.setClassName("zero", value == 0);
    }

    private void renderOldest(BoardFigures figures) {
        for (var column : RagColumn.values()) {
            var parts = oldest.get(column);
            var waitingLongest = figures.oldest().get(column);
            if (waitingLongest == null) {
                text(parts.get("reference"), "None waiting");
                text(parts.get("age"), "");
                text(parts.get("timescale"), figures.timescales().getOrDefault(column, ""));
                text(parts.get("status"), "");
                parts.get("status").setClassName("breached", false);
                continue;
            }
            text(parts.get("reference"), waitingLongest.card().reference());
            text(parts.get("age"), "waiting " + BoardText.duration(waitingLongest.age()));
            text(parts.get("timescale"), figures.timescales().getOrDefault(column, "no timescale set"));
            text(parts.get("status"), BoardText.timeLeft(waitingLongest.timeLeft()));
            parts.get("status").setClassName("breached", waitingLongest.breached());
        }
    }

    private void renderBreaches(BoardFigures figures, Instant now) {
        text(breachCount, Integer.toString(figures.breachTotal()));
        var lines = figures.breaches().stream()
                .map(card -> new BreachLine(RagColumn.of(card.rag()), card.reference(), BoardText.overdue(card.dueAt(), now)))
                .toList();
        int more = figures.breachTotal() - lines.size();
        if (lines.equals(breachLines) && more == breachesMore) {
            return;
        }
        breachLines = lines;
        breachesMore = more;
        breachList.removeAll();
        if (lines.isEmpty()) {
            var none = new ListItem("No breaches");
            none.addClassName("none");
            breachList.add(none);
        }
        for (var line : lines) {
            var reference = new Span(line.reference());
            reference.addClassName("reference");
            var overdue = new Span(line.overdue());
            overdue.addClassName("overdue");
            var item = new ListItem(badge(line.column()), reference, overdue);
            item.addClassNames("breach", "rag-" + line.column().key());
            breachList.add(item);
        }
        if (more > 0) {
            var item = new ListItem("+ " + more + " more");
            item.setId("breach-more");
            item.addClassName("more");
            breachList.add(item);
        }
    }

    private void renderArrivals(BoardFigures figures, Instant now) {
        for (var share : figures.arrivals()) {
            var parts = arrivals.get(share.group());
            text((HasText) parts.get("count"), Integer.toString(share.count()));
            text((HasText) parts.get("share"), BoardText.percent(share.percent()));
            String width = String.format(Locale.ROOT, "%.1f%%", share.percent());
            var style = ((Div) parts.get("bar")).getStyle();
            if (!width.equals(style.get("width"))) {
                style.set("width", width);
            }
        }
        text(arrivalsTotal, figures.arrivalsTotal() + " contacts");
        boolean today = figures.day() != null && figures.day().equals(LocalDate.ofInstant(now, BoardState.LONDON));
        text(arrivalsDay, figures.day() == null || today ? "" : "on " + BoardText.day(figures.day()));
    }

    private void renderTicker(BoardFigures figures) {
        var lines = figures.recent().stream()
                .map(event -> new TickerLine(BoardText.clock(event.at()), event.tickerText(),
                        RagColumn.of(event.referral() == null ? null : event.referral().rag())))
                .toList();
        if (lines.equals(tickerLines)) {
            return;
        }
        tickerLines = lines;
        tickerList.removeAll();
        for (var line : lines) {
            var time = new Span(line.time());
            time.addClassName("time");
            var text = new Span(line.text());
            text.addClassName("text");
            var item = new ListItem(time, text);
            item.addClassNames("ticker-item", "rag-" + line.column().key());
            tickerList.add(item);
        }
    }

    private void renderOfficers(BoardFigures figures) {
        var officers = figures.officers();
        text(officersOnSite, officers == null ? "–" : Integer.toString(officers.onSite()));
        text(officersMax, officers == null ? "" : " / " + officers.max());
        text(officersFree, officers == null ? "–" : Integer.toString(officers.free()));
        text(officersOnBreak, officers == null ? "–" : Integer.toString(officers.onBreak()));
        text(officersOnChecks, officers == null ? "–" : Integer.toString(officers.onChecks()));
        text(checksWaiting, officers == null ? "–" : Integer.toString(officers.checksWaiting()));
        text(checksOldest, officers == null || officers.oldestWaiting() == null ? ""
                : officers.checksUnallocated() + " not allocated · oldest "
                        + officers.oldestWaiting().reference() + " " + BoardText.duration(officers.oldestAge()));
    }

    private void renderOutOfHours(BoardFigures figures, Instant now) {
        var cover = figures.cover();
        if (cover == null) {
            text(oohCovering, "–");
            text(oohHandover, "–");
            text(oohGap, "–");
            oohGap.setClassName("gap", false);
            text(oohContactsCount, "–");
            text(oohContactsRefs, "");
            return;
        }
        text(oohCovering, cover.coreHours() ? "Core hours · the hub"
                : cover.covering().isEmpty() ? "Nobody on duty"
                : String.join(", ", cover.covering().stream().map(StaffCard::displayName).toList()));
        oohCovering.setClassName("gap", !cover.coreHours() && cover.covering().isEmpty());
        String next = cover.nextHandover() == null ? ""
                : cover.nextCoreHours() ? " → core hours"
                : cover.next().isEmpty() ? " → nobody"
                : " → " + String.join(", ", cover.next().stream().map(StaffCard::displayName).toList());
        text(oohHandover, BoardText.when(cover.nextHandover(), now) + next);
        var gaps = cover.gaps();
        text(oohGap, gaps.isEmpty() ? "No gaps in the next 72 h" : "GAP " + BoardText.gap(gaps.getFirst())
                + (gaps.size() > 1 ? " (+" + (gaps.size() - 1) + " more)" : ""));
        oohGap.setClassName("gap", !gaps.isEmpty());
        var contacts = figures.oohContacts();
        text(oohContactsCount, Integer.toString(contacts.count()));
        var shown = contacts.references().subList(0, Math.min(MAX_OOH_REFERENCES, contacts.count()));
        text(oohContactsRefs, shown.isEmpty() ? "" : String.join(", ", shown)
                + (contacts.count() > shown.size() ? " …" : ""));
    }

    private void renderCapacity(BoardFigures figures) {
        text(capacityOpen, Integer.toString(figures.total()));
        text(capacityToday, Integer.toString(figures.arrivalsTotal()));
        text(capacityAverage, capacity.latest()
                .map(summary -> String.format(Locale.UK, "14-day average %.1f a day", summary.averageArrivals()))
                .orElse("14-day average not known yet"));
    }

    private record BreachLine(RagColumn column, String reference, String overdue) {
    }

    private record TickerLine(String time, String text, RagColumn column) {
    }

    private static void text(HasText component, String value) {
        if (!value.equals(component.getText())) {
            component.setText(value);
        }
    }
}

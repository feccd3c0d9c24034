package org.mashlive.referral;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.mashlive.board.api.Rag;
import org.mashlive.board.api.TimescaleInfo;
import org.mashlive.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The timescale clocks: when a contact falls due for its RAG, and how long is left.
 *
 * <p>A clock always runs from the time the contact was received, whatever its RAG was then;
 * re-rating a contact means asking {@link #dueAt} again with the same receipt time and the new
 * RAG. Working-hours clocks count only the {@link WorkingCalendar}'s working time; elapsed clocks
 * count every hour, nights and weekends included.
 */
@Component
public final class TimescalePolicy {

    private final TimescaleProperties properties;
    private final WorkingCalendar calendar;
    private final DecisionTimescaleProperties decision;

    /** The RAG clocks, with the statutory decision clock at its default of one working day. */
    public TimescalePolicy(TimescaleProperties properties, WorkingCalendar calendar) {
        this(properties, calendar, DecisionTimescaleProperties.defaults());
    }

    @Autowired
    public TimescalePolicy(TimescaleProperties properties, WorkingCalendar calendar,
                           DecisionTimescaleProperties decision) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.decision = Objects.requireNonNull(decision, "decision");
    }

    /** The hub's zone, from its calendar: the zone its days and times are counted in. */
    public ZoneId zone() {
        return calendar.zone();
    }

    /**
     * When the statutory decision on a contact received at {@code receivedAt} is due: the
     * configured number of working days, each the length of a working day, counted in working
     * time from receipt. It runs beside the RAG clock and does not change when the contact is
     * re-rated, so a Green contact can be "within timescale" locally while its decision is late.
     */
    public Instant decisionDueAt(Instant receivedAt) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        // the wall-clock length of a day; clock changes in England fall on Sunday nights, outside it
        Duration workingDay = Duration.between(calendar.dayStart(), calendar.dayEnd());
        return calendar.plusWorkingTime(receivedAt, workingDay.multipliedBy(decision.target()));
    }

    /**
     * When a contact received at {@code receivedAt} falls due under {@code rag}'s timescale.
     *
     * @param rag the current RAG, or null for a contact not yet rated
     */
    public Instant dueAt(Instant receivedAt, Rag rag) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        TimescaleProperties.Timescale timescale = timescaleOf(rag);
        return timescale.workingHours()
                ? calendar.plusWorkingTime(receivedAt, timescale.target())
                : receivedAt.plus(timescale.target());
    }

    /**
     * Wall-clock time from {@code now} to {@code dueAt}: what the board counts down, negative once
     * breached (by how long it is overdue). It is elapsed time even for a working-hours clock,
     * so overnight a working-hours countdown reads longer than the working time left.
     */
    public Duration timeLeft(Instant dueAt, Instant now) {
        return Duration.between(Objects.requireNonNull(now, "now"), Objects.requireNonNull(dueAt, "dueAt"));
    }

    /** Whether {@code now} is past {@code dueAt}; at the due instant itself the clock is not yet breached. */
    public boolean breached(Instant dueAt, Instant now) {
        return Objects.requireNonNull(now, "now").isAfter(Objects.requireNonNull(dueAt, "dueAt"));
    }

    /** The timescale of {@code rag} as the board labels it; null means not yet rated. */
    public TimescaleInfo timescale(Rag rag) {
        TimescaleProperties.Timescale timescale = timescaleOf(rag);
        return new TimescaleInfo(rag, timescale.target(), timescale.workingHours());
    }

    /** Every timescale for the board's legend: Red, Amber, Green, then not yet rated (rag null). */
    public List<TimescaleInfo> timescales() {
        return List.of(timescale(Rag.RED), timescale(Rag.AMBER), timescale(Rag.GREEN), timescale(null));
    }

    private TimescaleProperties.Timescale timescaleOf(Rag rag) {
        if (rag == null) {
            return properties.unrated();
        }
        return switch (rag) {
            case RED -> properties.red();
            case AMBER -> properties.amber();
            case GREEN -> properties.green();
        };
    }
}

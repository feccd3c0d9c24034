package org.mashlive.board;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.WorkType;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.CoreHours;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.RotaSettings;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.StaffCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.TimescaleInfo;
import org.mashlive.platform.WorkingCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

/**
 * Reads a whole board from the database in one read-only, repeatable-read transaction, so that
 * the sequence number and the rows it returns belong together: every event up to that sequence
 * is in the rows, none after it.
 */
@Component
class SnapshotAssembler {

    private final List<BoardSource> sources;
    private final BoardEventStore store;
    private final TransactionalOperator readOnly;
    private final Clock clock;
    private final WorkingCalendar calendar;

    SnapshotAssembler(List<BoardSource> sources, BoardEventStore store, ReactiveTransactionManager transactions,
                      Clock clock, WorkingCalendar calendar) {
        this.sources = sources;
        this.store = store;
        this.clock = clock;
        this.calendar = calendar;
        var definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.readOnly = TransactionalOperator.create(transactions, definition);
    }

    /** Emits the board as it stands at the newest committed event. */
    Mono<BoardSnapshot> assemble() {
        var now = clock.instant();
        // the board's day, and every time a board shows, is in the hub's zone from its calendar
        var today = LocalDate.ofInstant(now, calendar.zone());
        // Sequential on purpose: the reads share the transaction's one connection.
        Mono<BoardSnapshot> reads = store.lastSeq().flatMap(seq -> {
            var open = new ArrayList<ReferralCard>();
            var arrivals = new EnumMap<Source, Integer>(Source.class);
            var healthArrivals = new java.util.TreeMap<String, Integer>();
            var informationOnly = new java.util.concurrent.atomic.AtomicInteger();
            var timescales = new ArrayList<TimescaleInfo>();
            var staff = new ArrayList<StaffCard>();
            var shifts = new ArrayList<ShiftCard>();
            var allocations = new ArrayList<AllocationCard>();
            var partnerRequests = new ArrayList<org.mashlive.board.api.PartnerRequestCard>();
            RotaSettings rota = withoutStaff();
            Instant shiftsSince = now.minus(BoardState.SHIFTS_KEPT);
            Mono<Void> fromSources = Mono.empty();
            for (var source : sources) {
                timescales.addAll(source.timescales());
                var settings = source.rotaSettings(now);
                if (settings != null) {
                    rota = settings;
                }
                fromSources = fromSources
                        .then(source.openReferrals().doOnNext(open::add).then())
                        .then(source.arrivalsOn(today).doOnNext(counts -> merge(arrivals, counts)).then())
                        .then(source.healthArrivalsOn(today)
                                .doOnNext(counts -> counts.forEach((type, n) -> healthArrivals.merge(type, n, Integer::sum)))
                                .then())
                        .then(source.informationOnlyOn(today).doOnNext(informationOnly::addAndGet).then())
                        .then(source.staff().doOnNext(staff::add).then())
                        .then(source.shiftsEndingAfter(shiftsSince).doOnNext(shifts::add).then())
                        .then(source.allocations().doOnNext(allocations::add).then())
                        .then(source.waitingPartnerRequests().doOnNext(partnerRequests::add).then());
            }
            var settings = rota;
            return fromSources
                    .then(store.latestReferralEvents(BoardState.RECENT).collectList())
                    .map(recent -> {
                        open.sort(Comparator.comparing(ReferralCard::receivedAt).thenComparing(ReferralCard::id));
                        staff.sort(Comparator.comparing(StaffCard::id));
                        shifts.sort(Comparator.comparing(ShiftCard::start).thenComparing(ShiftCard::id));
                        // the board shows who works open work only: not decided, checks not yet done
                        var byId = new java.util.HashMap<Long, ReferralCard>();
                        open.forEach(card -> byId.put(card.id(), card));
                        allocations.removeIf(allocation -> {
                            var card = byId.get(allocation.workId());
                            return card == null
                                    || allocation.workType() == WorkType.POLICE_CHECK && !card.awaitingPoliceCheck();
                        });
                        // requests of referrals no longer open are not the board's
                        partnerRequests.removeIf(request -> !byId.containsKey(request.referralId()));
                        return new BoardSnapshot(seq, now, open, today, arrivals, recent, timescales, staff, shifts,
                                settings, allocations, healthArrivals, informationOnly.get(), partnerRequests);
                    });
        });
        return readOnly.transactional(reads);
    }

    /**
     * The rota settings when no module supplies them: the defaults, with the core hours and zone of
     * the hub's calendar rather than the defaults' own, so that boards still show times in the
     * hub's zone.
     */
    private RotaSettings withoutStaff() {
        var defaults = RotaSettings.DEFAULT;
        return new RotaSettings(defaults.policeOfficersMax(), defaults.oohMinimum(),
                new CoreHours(calendar.zone(), calendar.dayStart(), calendar.dayEnd(), calendar.workingDays(),
                        List.of()));
    }

    private static void merge(Map<Source, Integer> into, Map<Source, Integer> counts) {
        counts.forEach((source, n) -> into.merge(source, n, Integer::sum));
    }
}

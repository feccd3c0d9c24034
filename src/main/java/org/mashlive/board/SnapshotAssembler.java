package org.mashlive.board;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.TimescaleInfo;
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

    SnapshotAssembler(List<BoardSource> sources, BoardEventStore store, ReactiveTransactionManager transactions,
                      Clock clock) {
        this.sources = sources;
        this.store = store;
        this.clock = clock;
        var definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.readOnly = TransactionalOperator.create(transactions, definition);
    }

    /** Emits the board as it stands at the newest committed event. */
    Mono<BoardSnapshot> assemble() {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, BoardState.LONDON);
        // Sequential on purpose: the reads share the transaction's one connection.
        Mono<BoardSnapshot> reads = store.lastSeq().flatMap(seq -> {
            var open = new ArrayList<ReferralCard>();
            var arrivals = new EnumMap<Source, Integer>(Source.class);
            var timescales = new ArrayList<TimescaleInfo>();
            var allocations = new ArrayList<org.mashlive.board.api.AllocationCard>();
            Mono<Void> fromSources = Mono.empty();
            for (var source : sources) {
                timescales.addAll(source.timescales());
                fromSources = fromSources
                        .then(source.openReferrals().doOnNext(open::add).then())
                        .then(source.arrivalsOn(today).doOnNext(counts -> merge(arrivals, counts)).then())
                        .then(source.allocations().doOnNext(allocations::add).then());
            }
            return fromSources
                    .then(store.latest(BoardState.RECENT).collectList())
                    .map(recent -> {
                        open.sort(java.util.Comparator.comparing(ReferralCard::receivedAt)
                                .thenComparing(ReferralCard::id));
                        // only open work is allocated work on the board
                        var openIds = open.stream().map(ReferralCard::id).collect(java.util.stream.Collectors.toSet());
                        allocations.removeIf(allocation -> !openIds.contains(allocation.workId()));
                        return new BoardSnapshot(seq, now, open, today, arrivals, recent, timescales, allocations);
                    });
        });
        return readOnly.transactional(reads);
    }

    private static void merge(Map<Source, Integer> into, Map<Source, Integer> counts) {
        counts.forEach((source, n) -> into.merge(source, n, Integer::sum));
    }
}

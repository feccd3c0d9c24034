package org.mashlive.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.mashlive.audit.Acting;
import org.mashlive.board.BoardOutbox;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.platform.InvalidInputException;
import org.mashlive.platform.Text;
import org.mashlive.referral.api.ReferralDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Intake and screening of referrals. Every change commits in one transaction with its board
 * event, or not at all: nothing half-written is ever seen, on the board or in the database.
 */
@Service
public class ReferralService {

    private static final Logger log = LoggerFactory.getLogger(ReferralService.class);

    /** The answer to an intake: the referral, and whether this call created it. */
    public record Received(Referral referral, boolean created) {
    }

    private final ReferralRepository referrals;
    private final BoardOutbox outbox;
    private final TimescalePolicy timescales;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Acting acting;
    private final ContactIntake intake;
    private final ContactRepository contacts;

    ReferralService(ReferralRepository referrals, BoardOutbox outbox, TimescalePolicy timescales, ChildKeys childKeys,
                    TransactionalOperator transaction, Clock clock, Acting acting, ContactRepository contacts,
                    IntakeGroupProperties grouping, io.micrometer.core.instrument.MeterRegistry meters) {
        this.acting = acting;
        this.intake = new ContactIntake(contacts, outbox, timescales, childKeys, transaction, clock, acting,
                this::toReferral, grouping, meters);
        this.contacts = contacts;
        this.referrals = referrals;
        this.outbox = outbox;
        this.timescales = timescales;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Takes in a contact about one child. A contact whose {@code externalRef} was seen before is
     * the same contact sent again (a MERLIN sent twice) when every field of it is as received: it
     * yields the referral that already exists, unchanged. A different contact under a reference
     * already taken is refused whole, so that neither is lost silently. For a contact naming
     * several children, see {@link #receiveContact}.
     *
     * @throws InvalidReferralException (as an error signal) naming the field that breaks a rule
     * @throws ExternalRefConflictException (as an error signal) when {@code externalRef} is another
     *     contact's, naming the fields that differ and that contact's reference, nothing else of it
     */
    public Mono<Received> receive(NewReferral contact) {
        return receive(contact, clock.instant());
    }

    /**
     * Takes in a contact that arrived at {@code receivedAt}, not later than now: for contacts
     * queued elsewhere first, and for the simulator's back-filled day. Otherwise as
     * {@link #receive(NewReferral)}; a contact naming several children answers its first.
     */
    public Mono<Received> receive(NewReferral contact, Instant receivedAt) {
        return intake.receive(contact, receivedAt).map(List::getFirst);
    }

    /**
     * Takes in a contact naming one or more children: one referral per child, in the order given,
     * each saying whether this call created it. The same contact sent again creates nothing; sent
     * again with a child added, it creates only that child's referral
     * (docs/decisions/0022-a-contact-with-several-children.md). Refused as {@link #receive(NewReferral)}.
     */
    public Mono<List<Received>> receiveContact(NewReferral contact) {
        return receiveContact(contact, clock.instant());
    }

    /** As {@link #receiveContact(NewReferral)}, for a contact that arrived at {@code receivedAt}. */
    public Mono<List<Received>> receiveContact(NewReferral contact, Instant receivedAt) {
        return intake.receive(contact, receivedAt);
    }

    /** Intake itself, for tests that watch its groups form or fail. */
    ContactIntake intake() {
        return intake;
    }

    /**
     * Sets the RAG of an open referral, with the reason, and moves its due time to the new RAG's
     * timescale counted from receipt. The same RAG again changes nothing.
     */
    public Mono<Referral> rate(long id, Rag rag, String reason) {
        return rate(id, rag, reason, clock.instant());
    }

    /** As {@link #rate(long, Rag, String)}, recorded as done at {@code at} (not in the future). */
    public Mono<Referral> rate(long id, Rag rag, String reason, Instant at) {
        if (rag == null) {
            return Mono.error(new InvalidReferralException("rag", "must be one of RED, AMBER, GREEN"));
        }
        if (reason == null || reason.isBlank()) {
            return Mono.error(new InvalidReferralException("reason", "must say why the RAG is set or changed"));
        }
        Mono<Void> readable = Mono.fromRunnable(() -> Text.lines("reason", reason));
        return readable.then(change(id, "changing its RAG", at, row -> {
            if (row.rag() == rag) {
                return Mono.just(row);
            }
            Instant now = at;
            Instant due = timescales.dueAt(row.receivedAt(), rag);
            return referrals.updateRag(id, rag, due, now)
                    .then(referrals.recordRag(id, now, row.rag(), rag, reason.strip()))
                    .then(publish(id, BoardEventType.RAG_CHANGED));
        }));
    }

    /** Moves an open referral to another open stage; to decide it, use {@link #decide}. */
    public Mono<Referral> moveTo(long id, Stage stage) {
        return moveTo(id, stage, clock.instant());
    }

    /** As {@link #moveTo(long, Stage)}, recorded as done at {@code at} (not in the future). */
    public Mono<Referral> moveTo(long id, Stage stage, Instant at) {
        if (stage == null || !stage.open()) {
            return Mono.error(new InvalidReferralException("stage",
                    "must be RECEIVED, SCREENING, INFORMATION_GATHERING or AWAITING_DECISION; record a decision to close it"));
        }
        return change(id, "moving it", at, row -> {
            if (row.stage() == stage) {
                return Mono.just(row);
            }
            Instant now = at;
            return referrals.updateStage(id, stage, now)
                    .then(referrals.recordStage(id, now, row.stage(), stage))
                    .then(publish(id, BoardEventType.STAGE_CHANGED));
        });
    }

    /** Records the decision on an open referral, which closes it. */
    public Mono<Referral> decide(long id, Outcome outcome) {
        return decide(id, outcome, clock.instant());
    }

    /** As {@link #decide(long, Outcome)}, recorded as done at {@code at} (not in the future). */
    public Mono<Referral> decide(long id, Outcome outcome, Instant at) {
        if (outcome == null) {
            return Mono.error(new InvalidReferralException("outcome", "is required"));
        }
        return change(id, "deciding it again", at, row -> {
            Instant now = at;
            return referrals.updateDecision(id, outcome, now)
                    .then(referrals.recordStage(id, now, row.stage(), Stage.DECIDED))
                    .then(publish(id, BoardEventType.REFERRAL_DECIDED));
        });
    }

    /**
     * Records that the police checks on an open police notification are done, with the officer's
     * summary (kept with the referral, never sent to the board).
     *
     * @param by the signed-in officer or lead who records it
     */
    public Mono<Referral> completePoliceCheck(long id, String summary, String by) {
        if (summary == null || summary.isBlank()) {
            return Mono.error(new InvalidReferralException("summary", "must summarise what the checks found"));
        }
        Instant at = clock.instant();
        Mono<Void> readable = Mono.fromRunnable(() -> Text.lines("summary", summary));
        return readable.then(change(id, "recording police checks", at, row -> {
            if (row.channel() != Channel.POLICE_NOTIFICATION) {
                return Mono.error(new InvalidReferralException("channel",
                        row.reference() + " is not a police notification; no police checks are due"));
            }
            if (row.policeCheckDone()) {
                return Mono.error(new PoliceCheckDoneException(row.reference()));
            }
            return referrals.recordPoliceCheck(id, at, by, summary.strip())
                    .then(publish(id, BoardEventType.POLICE_CHECK_DONE));
        }));
    }

    private void notInFuture(String field, Instant at) {
        if (at.isAfter(clock.instant())) {
            throw new InvalidReferralException(field, "must not be in the future");
        }
    }

    /** Locks an open referral, applies {@code work} and answers the referral as it then stands. */
    private Mono<Referral> change(long id, String action, Instant at,
                                  java.util.function.Function<ReferralRepository.Row, Mono<ReferralRepository.Row>> work) {
        Mono<Referral> changed = Mono.fromRunnable(() -> notInFuture("at", at))
                .then(referrals.findById(id, true))
                .switchIfEmpty(Mono.error(() -> new ReferralNotFoundException(String.valueOf(id))))
                .flatMap(row -> !row.stage().open()
                        ? Mono.error(new ReferralClosedException(row.reference(), row.stage(), action))
                        : at.isBefore(row.receivedAt())
                        ? Mono.error(new InvalidReferralException("at", "must not be before the referral was received"))
                        : work.apply(row))
                .map(this::toReferral);
        return transaction.transactional(changed);
    }

    /** Announces the referral as it now stands on the board, as {@code type}; joins the caller's transaction. */
    Mono<Referral> announce(long id, BoardEventType type) {
        return publish(id, type).map(this::toReferral);
    }

    private Mono<ReferralRepository.Row> publish(long id, BoardEventType type) {
        return referrals.findById(id, false)
                .flatMap(row -> outbox.append(type, toReferral(row).card()).thenReturn(row));
    }

    /** The referral with this id. */
    public Mono<Referral> find(long id) {
        return referrals.findById(id, false)
                .switchIfEmpty(Mono.error(() -> new ReferralNotFoundException(String.valueOf(id))))
                .map(this::toReferral);
    }

    /** The referral with this reference ({@code MASH-2026-000123}) or numeric id. */
    public Mono<Referral> find(String idOrReference) {
        try {
            Text.line("reference", idOrReference);
        } catch (InvalidInputException e) {
            return Mono.error(e);
        }
        if (idOrReference.chars().allMatch(Character::isDigit) && !idOrReference.isEmpty()) {
            return find(Long.parseLong(idOrReference));
        }
        return referrals.findByReference(idOrReference)
                .switchIfEmpty(Mono.error(() -> new ReferralNotFoundException(idOrReference)))
                .map(this::toReferral);
    }

    /** Every open referral, oldest first. */
    public Flux<Referral> open() {
        return referrals.open().map(this::toReferral);
    }

    /** The RAG history of a referral, oldest first. */
    public Flux<RagChange> ragHistory(long id) {
        return referrals.ragHistory(id);
    }

    /**
     * A referral's identifying detail with its RAG history, for a duty lead's eyes only: the caller
     * records who viewed it (see {@link ReferralRSocketController}).
     *
     * @throws ReferralNotFoundException (as an error signal) when there is no such referral
     */
    public Mono<ReferralDetail> detail(String idOrReference) {
        return find(idOrReference).flatMap(referral -> ragHistory(referral.id())
                .map(change -> new ReferralDetail.RagStep(change.at(), change.from(), change.to(), change.reason()))
                .collectList()
                .zipWith(contacts.sourceOf(referral.id()))
                .zipWith(contacts.siblingsOf(referral.id()))
                .map(withSiblings -> {
                    var found = withSiblings.getT1();
                    var history = found.getT1();
                    var from = found.getT2();
                    var referrer = from.referrer() == null ? null : new ReferralDetail.Referrer(from.referrer().name(),
                            from.referrer().role(), from.referrer().agency(), from.referrer().contact());
                    return new ReferralDetail(referral.id(), referral.reference(), referral.receivedAt(),
                            referral.source(), referral.child().firstName(), referral.child().lastName(),
                            referral.child().dateOfBirth(), referral.concern(), referral.consent().name(),
                            referral.consentOverrideReason(), referral.rag(), referral.stage(), history,
                            null, null, null, referral.child().estimatedAge(), referral.child().expectedDeliveryDate(),
                            referrer, from.policeRisk() == null ? null : from.policeRisk().name(), withSiblings.getT2());
                }));
    }

    /** Contacts received on {@code day} (in the hub's zone), by source. */
    Mono<java.util.Map<Source, Integer>> arrivalsOn(LocalDate day) {
        var from = day.atStartOfDay(timescales.zone()).toInstant();
        var to = day.plusDays(1).atStartOfDay(timescales.zone()).toInstant();
        return referrals.arrivalsBetween(from, to);
    }

    /** Health contacts received on {@code day} (in the hub's zone), by the part of health they came from. */
    Mono<java.util.Map<String, Integer>> healthArrivalsOn(LocalDate day) {
        var from = day.atStartOfDay(timescales.zone()).toInstant();
        var to = day.plusDays(1).atStartOfDay(timescales.zone()).toInstant();
        return referrals.healthArrivalsBetween(from, to);
    }

    /** Contacts received on {@code day} (in the hub's zone) for information only. */
    Mono<Integer> informationOnlyOn(LocalDate day) {
        var from = day.atStartOfDay(timescales.zone()).toInstant();
        var to = day.plusDays(1).atStartOfDay(timescales.zone()).toInstant();
        return referrals.informationOnlyBetween(from, to);
    }

    private Referral toReferral(ReferralRepository.Row row) {
        Instant now = clock.instant();
        boolean open = row.stage().open();
        Instant decisionDue = timescales.decisionDueAt(row.receivedAt());
        boolean decisionOverdue = open ? timescales.breached(decisionDue, now)
                : row.decidedAt() != null && row.decidedAt().isAfter(decisionDue);
        return new Referral(row.id(), row.reference(), row.externalRef(), row.receivedAt(), row.channel(),
                row.source(), row.healthType(), row.merlinId(), row.child(), row.childKey(), row.concern(),
                row.flags(), row.consent(), row.consentOverrideReason(), row.rag(), row.stage(), row.outcome(),
                row.decidedAt(), row.reReferral(), row.dueAt(),
                open ? timescales.timeLeft(row.dueAt(), now) : null,
                open && timescales.breached(row.dueAt(), now),
                row.version(),
                row.channel() != Channel.POLICE_NOTIFICATION ? PoliceCheck.NOT_NEEDED
                        : row.policeCheckDone() ? PoliceCheck.DONE : PoliceCheck.WAITING,
                decisionDue, decisionOverdue, open ? row.awaitingSignOffSince() : null, row.contactId());
    }
}

package org.mashlive.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.BoardOutbox;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.PartnerRequestCard;
import org.mashlive.board.api.Rag;
import org.mashlive.partner.api.ChaseWay;
import org.mashlive.partner.api.PartnerRequestDetail;
import org.mashlive.platform.Text;
import org.mashlive.referral.ReferralClosedException;
import org.mashlive.referral.ReferralService;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Information requests to partners: ask, chase, record the answer. Each runs in one transaction as
 * the person doing it ({@link Acting#as}), writes its audit entry on the referral's trail and its
 * event on the board stream, or nothing at all.
 *
 * <p>A request is made on an open referral only; a request already made may be chased and answered
 * after the referral is decided (a partner's late answer is still recorded).
 */
@Service
public class PartnerRequests {

    static final int MAX_ASKED = 2000;
    static final int MAX_SUMMARY = 4000;
    static final int MAX_NOTE = 1000;
    static final int MAX_OWNER = 80;

    private final PartnerRequestRepository requests;
    private final ReferralService referrals;
    private final ResponseTimes times;
    private final AuditTrail audit;
    private final BoardOutbox outbox;
    private final Acting acting;
    private final Clock clock;

    PartnerRequests(PartnerRequestRepository requests, ReferralService referrals, ResponseTimes times,
                    AuditTrail audit, BoardOutbox outbox, Acting acting, Clock clock) {
        this.requests = requests;
        this.referrals = referrals;
        this.times = times;
        this.audit = audit;
        this.outbox = outbox;
        this.acting = acting;
        this.clock = clock;
    }

    /**
     * What to ask of whom.
     *
     * @param reference the referral's reference
     * @param agency    the agency
     * @param service   for health, the service; null otherwise
     * @param rag       the RAG that sets the response time; null for the referral's (Amber while not rated)
     * @param asked     what is asked, or null
     * @param owner     who in the hub follows it up (a username); null for the person asking
     */
    public record Ask(String reference, Agency agency, HealthService service, Rag rag, String asked, String owner) {
    }

    /** Sends {@code ask} now, as {@code actor}. */
    public Mono<PartnerRequestDetail> request(Ask ask, Actor actor) {
        return request(ask, actor, null);
    }

    /**
     * Sends {@code ask} as {@code actor} at {@code at} (null: now; the simulator's back-filled day
     * gives a past time).
     */
    public Mono<PartnerRequestDetail> request(Ask ask, Actor actor, Instant at) {
        return Mono.defer(() -> {
            check(ask);
            Instant when = at == null ? clock.instant() : at;
            if (when.isAfter(clock.instant())) {
                throw new InvalidPartnerRequestException("at", "must not be in the future");
            }
            String owner = ask.owner() == null || ask.owner().isBlank() ? actor.username() : ask.owner().strip();
            Mono<PartnerRequestDetail> work = referrals.find(ask.reference().strip()).flatMap(referral -> {
                if (referral.outcome() != null) {
                    return Mono.error(new ReferralClosedException(referral.reference(), "asking a partner"));
                }
                Rag rag = ask.rag() != null ? ask.rag() : referral.rag() != null ? referral.rag() : Rag.AMBER;
                Instant due = times.dueAt(when, ask.agency(), ask.service(), rag);
                String asked = ask.asked() == null || ask.asked().isBlank() ? null : ask.asked().strip();
                return requests.insert(referral.id(), ask.agency(), ask.service(), rag, asked, when,
                                actor.username(), owner, due)
                        .flatMap(id -> detail(id))
                        .flatMap(detail -> record(referral.id(), detail, when, actor, AuditAction.PARTNER_REQUESTED,
                                "Asked " + detail.partnerLabel() + ", " + rag.label() + ", due "
                                        + detail.dueAt() + (owner.equals(actor.username()) ? "" : ", owner " + owner),
                                BoardEventType.PARTNER_REQUESTED));
            });
            return acting.as(actor, work);
        });
    }

    /** Records a chase of request {@code id} now, as {@code actor}. */
    public Mono<PartnerRequestDetail> chase(long id, ChaseWay how, String note, Actor actor) {
        return chase(id, how, note, actor, null);
    }

    /** Records a chase of request {@code id} as {@code actor} at {@code at} (null: now). */
    public Mono<PartnerRequestDetail> chase(long id, ChaseWay how, String note, Actor actor, Instant at) {
        return Mono.defer(() -> {
            if (how == null) {
                throw new InvalidPartnerRequestException("how", "must say how the partner was chased: one of "
                        + names(ChaseWay.values()));
            }
            Text.lines("note", note);
            tooLong("note", note, MAX_NOTE);
            String said = note == null || note.isBlank() ? null : note.strip();
            Instant when = moment(at);
            Mono<PartnerRequestDetail> work = locked(id, when).flatMap(row -> requests.chase(id, when, actor.username(),
                            how, said)
                    .then(detail(id))
                    .flatMap(detail -> record(row.referralId(), detail, when, actor, AuditAction.PARTNER_CHASED,
                            "Chased " + detail.partnerLabel() + " by " + how.name().toLowerCase().replace('_', ' ')
                                    + " (chase " + detail.chases().size() + ")",
                            BoardEventType.PARTNER_CHASED)));
            return acting.as(actor, work);
        });
    }

    /** Records the partner's answer to request {@code id} now, as {@code actor}. */
    public Mono<PartnerRequestDetail> answer(long id, String summary, boolean noInformationHeld, Actor actor) {
        return answer(id, summary, noInformationHeld, actor, null);
    }

    /**
     * Records the partner's answer to request {@code id} as {@code actor} at {@code at} (null: now).
     * "No information held" is an answer: the request stops waiting.
     */
    public Mono<PartnerRequestDetail> answer(long id, String summary, boolean noInformationHeld, Actor actor,
                                             Instant at) {
        return Mono.defer(() -> {
            Text.lines("summary", summary);
            tooLong("summary", summary, MAX_SUMMARY);
            boolean blank = summary == null || summary.isBlank();
            if (blank && !noInformationHeld) {
                throw new InvalidPartnerRequestException("summary",
                        "must say what the partner told, unless noInformationHeld is true");
            }
            Instant when = moment(at);
            Mono<PartnerRequestDetail> work = locked(id, when).flatMap(row -> requests.answer(id, when,
                            actor.username(), blank ? null : summary.strip(), noInformationHeld)
                    .then(detail(id))
                    .flatMap(detail -> record(row.referralId(), detail, when, actor, AuditAction.PARTNER_ANSWERED,
                            detail.partnerLabel() + (noInformationHeld ? " holds no information" : " answered"),
                            BoardEventType.PARTNER_ANSWERED)));
            return acting.as(actor, work);
        });
    }

    /** The referral's requests, the oldest first, with their answers: for duty leads only. */
    public Flux<PartnerRequestDetail> ofReferral(String reference) {
        return Mono.defer(() -> {
                    if (reference == null || reference.isBlank()) {
                        throw new InvalidPartnerRequestException("reference", "must name the referral");
                    }
                    return referrals.find(reference.strip());
                })
                .flatMapMany(referral -> requests.ofReferral(referral.id()).collectList())
                .flatMap(this::details);
    }

    /** The request {@code id} as it stands. */
    public Mono<PartnerRequestDetail> find(long id) {
        return detail(id);
    }

    /** The requests still waiting, of open referrals, as the board may show them. */
    Flux<PartnerRequestCard> waiting() {
        return requests.waiting().collectList().flatMapMany(rows -> requests.chases(rows.stream()
                        .map(PartnerRequestRepository.Row::id).toList()).collectList()
                .flatMapMany(chases -> {
                    var byRequest = new HashMap<Long, List<PartnerRequestRepository.ChaseRow>>();
                    chases.forEach(chase -> byRequest.computeIfAbsent(chase.requestId(), k -> new ArrayList<>())
                            .add(chase));
                    return Flux.fromIterable(rows).map(row -> {
                        var of = byRequest.getOrDefault(row.id(), List.of());
                        return new PartnerRequestCard(row.id(), row.referralId(), row.reference(), row.agency(),
                                row.healthService(), row.rag(), row.requestedAt(), row.dueAt(), of.size(),
                                of.isEmpty() ? null : of.getLast().at(), row.answeredAt(), row.noInformationHeld());
                    });
                }));
    }

    private Instant moment(Instant at) {
        Instant now = clock.instant();
        if (at != null && at.isAfter(now)) {
            throw new InvalidPartnerRequestException("at", "must not be in the future");
        }
        return at == null ? now : at;
    }

    /** The request locked for a chase or an answer: it must exist and still wait. */
    private Mono<PartnerRequestRepository.Row> locked(long id, Instant at) {
        return requests.find(id, true)
                .switchIfEmpty(Mono.error(() -> new PartnerRequestNotFoundException(id)))
                .flatMap(row -> row.policeCheck()
                        // done by the officer on the police desk, with the referral's own event and audit action
                        ? Mono.error(new InvalidPartnerRequestException("id", "is the police checks on "
                                + row.reference() + ": they are recorded done on the referral's police checks"))
                        : row.answeredAt() != null
                        ? Mono.error(new AlreadyAnsweredException(id, row.reference()))
                        : at.isBefore(row.requestedAt())
                        ? Mono.error(new InvalidPartnerRequestException("at", "must not be before the request was made"))
                        : Mono.just(row));
    }

    private Mono<PartnerRequestDetail> record(long referralId, PartnerRequestDetail detail, Instant at, Actor actor,
                                              AuditAction action, String what, BoardEventType event) {
        return audit.record(new AuditEntry(at, actor.username(), action, "REFERRAL", referralId, detail.reference(),
                        null, null, null, "Partner request " + detail.id() + ": " + what))
                .then(outbox.append(event, detail.card(referralId)))
                .thenReturn(detail);
    }

    private Mono<PartnerRequestDetail> detail(long id) {
        return requests.find(id, false)
                .switchIfEmpty(Mono.error(() -> new PartnerRequestNotFoundException(id)))
                .flatMapMany(row -> details(List.of(row)))
                .next();
    }

    /** The rows with their chases, people named by display name. */
    private Flux<PartnerRequestDetail> details(List<PartnerRequestRepository.Row> rows) {
        return requests.chases(rows.stream().map(PartnerRequestRepository.Row::id).toList()).collectList()
                .flatMapMany(chases -> {
                    var names = new HashSet<String>();
                    rows.forEach(row -> {
                        names.add(row.requestedBy());
                        names.add(row.owner());
                        if (row.answeredBy() != null) {
                            names.add(row.answeredBy());
                        }
                    });
                    chases.forEach(chase -> names.add(chase.by()));
                    return audit.people(names).flatMapMany(people -> {
                        Map<Long, List<PartnerRequestDetail.Chase>> byRequest = new HashMap<>();
                        chases.forEach(chase -> byRequest.computeIfAbsent(chase.requestId(), k -> new ArrayList<>())
                                .add(new PartnerRequestDetail.Chase(chase.at(), name(people, chase.by()), chase.how(),
                                        chase.note())));
                        return Flux.fromIterable(rows).map(row -> new PartnerRequestDetail(row.id(), row.reference(),
                                row.agency(), row.healthService(), row.rag(), row.asked(), row.requestedAt(),
                                name(people, row.requestedBy()), name(people, row.owner()), row.dueAt(),
                                byRequest.getOrDefault(row.id(), List.of()), row.answeredAt(),
                                row.answeredBy() == null ? null : name(people, row.answeredBy()), row.summary(),
                                row.noInformationHeld(), row.policeCheck()));
                    });
                });
    }

    private static String name(Map<String, Actor> people, String username) {
        var actor = people.get(username);
        return actor == null ? username : actor.displayName();
    }

    private static void check(Ask ask) {
        if (ask == null || ask.reference() == null || ask.reference().isBlank()) {
            throw new InvalidPartnerRequestException("reference", "must name the referral");
        }
        Text.line("reference", ask.reference());
        if (ask.agency() == null) {
            throw new InvalidPartnerRequestException("agency", "must be one of " + names(Agency.values()));
        }
        if (ask.agency() == Agency.HEALTH && ask.service() == null) {
            throw new InvalidPartnerRequestException("healthService", "must say which part of health: one of "
                    + names(HealthService.values()));
        }
        if (ask.agency() != Agency.HEALTH && ask.service() != null) {
            throw new InvalidPartnerRequestException("healthService", "is for a request to HEALTH only");
        }
        Text.lines("asked", ask.asked());
        tooLong("asked", ask.asked(), MAX_ASKED);
        Text.line("owner", ask.owner());
        tooLong("owner", ask.owner(), MAX_OWNER);
    }

    private static void tooLong(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidPartnerRequestException(field, "must be at most " + max + " characters");
        }
    }

    static String names(Enum<?>[] values) {
        var names = new ArrayList<String>();
        for (var value : values) {
            names.add(value.name());
        }
        return String.join(", ", names);
    }

}

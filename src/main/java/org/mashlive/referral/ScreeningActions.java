package org.mashlive.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Screening done by a named person, from the REST API or the duty view: each change commits with
 * its audit entry naming who made it, or not at all. The rules and their messages are
 * {@link ReferralService}'s; this adds who. An action that changes nothing (the same RAG or stage
 * again) writes no entry.
 */
@Service
public class ScreeningActions {

    private final ReferralService referrals;
    private final ReferralRepository rows;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Acting acting;

    ScreeningActions(ReferralService referrals, ReferralRepository rows, AuditTrail audit,
                     TransactionalOperator transaction, Clock clock, Acting acting) {
        this.acting = acting;
        this.referrals = referrals;
        this.rows = rows;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Sets or changes the RAG of the referral {@code ref} (reference or id) as {@code actor}. */
    public Mono<Referral> rate(String ref, Rag rag, String reason, Actor actor) {
        return act(ref, actor, referral -> referrals.rate(referral.id(), rag, reason), (before, after) ->
                before.rag() == after.rag() ? null
                        : entry(after, actor, AuditAction.RAG_CHANGED, WorkType.REFERRAL, reason == null ? null : reason.strip(),
                                (before.rag() == null ? "not rated" : before.rag().name()) + " → " + after.rag().name()));
    }

    /** Moves the referral {@code ref} to another open stage as {@code actor}. */
    public Mono<Referral> move(String ref, Stage stage, Actor actor) {
        return act(ref, actor, referral -> referrals.moveTo(referral.id(), stage), (before, after) ->
                before.stage() == after.stage() ? null
                        : entry(after, actor, AuditAction.STAGE_CHANGED, WorkType.REFERRAL, null,
                                before.stage().label() + " → " + after.stage().label()));
    }

    /**
     * Records the police checks on the referral {@code ref} as done by {@code actor}. The entry is
     * the check's (subject {@code POLICE_CHECK}, as its allocation is) and says nothing of the summary,
     * which may name people.
     */
    public Mono<Referral> completePoliceCheck(String ref, String summary, Actor actor) {
        return act(ref, actor, referral -> referrals.completePoliceCheck(referral.id(), summary, actor.username()),
                (before, after) -> entry(after, actor, AuditAction.POLICE_CHECK_DONE, WorkType.POLICE_CHECK, null,
                        "police checks recorded as done"));
    }

    private interface Audit {
        /** The entry for this change, or null when nothing changed. */
        AuditEntry of(ReferralRepository.Row before, Referral after);
    }

    private Mono<Referral> act(String ref, Actor actor, Function<Referral, Mono<Referral>> change, Audit entry) {
        Mono<Referral> work = referrals.find(ref.strip())
                // lock it first, so "before" is what this change changes
                .flatMap(found -> rows.findById(found.id(), true)
                        .switchIfEmpty(Mono.error(() -> new ReferralNotFoundException(ref)))
                        .flatMap(before -> change.apply(found).flatMap(after -> {
                            var written = entry.of(before, after);
                            return written == null ? Mono.just(after) : audit.record(written).thenReturn(after);
                        })));
        return acting.as(actor, work);
    }

    private AuditEntry entry(Referral after, Actor actor, AuditAction action, WorkType subject, String reason,
                             String detail) {
        Instant now = clock.instant();
        return new AuditEntry(now, actor.username(), action, subject.name(), after.id(), after.reference(), null, null, reason,
                detail);
    }
}

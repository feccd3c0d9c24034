package org.mashlive.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.WorkType;
import org.mashlive.platform.Text;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A duty lead sets or clears a child's flags on an open referral, with the reason. Screening often
 * learns what the contact did not say (the child is non-verbal, newly arrived, has an EHC plan), and
 * the board counts the open referrals carrying each flag, so the flags are kept true while the
 * referral is open. Each change commits with its history row, its audit entry naming the person and
 * its board event, or not at all; the same flags again change nothing and write nothing. A decided
 * referral's flags stay as they were when it was decided.
 */
@Service
public class FlagChanges {

    static final int MAX_REASON = 1000;

    private final ReferralService referrals;
    private final ReferralRepository rows;
    private final DatabaseClient db;
    private final AuditTrail audit;
    private final Acting acting;
    private final Clock clock;

    FlagChanges(ReferralService referrals, ReferralRepository rows, DatabaseClient db, AuditTrail audit, Acting acting,
                Clock clock) {
        this.referrals = referrals;
        this.rows = rows;
        this.db = db;
        this.audit = audit;
        this.acting = acting;
        this.clock = clock;
    }

    /**
     * Sets the flags of the open referral {@code ref} (reference or id) to {@code flags} as {@code actor}.
     *
     * @throws InvalidReferralException (as an error signal) when the reason is missing or too long
     * @throws ReferralClosedException (as an error signal) when the referral is already decided
     * @throws ReferralNotFoundException (as an error signal) when there is no such referral
     */
    public Mono<Referral> set(String ref, Collection<Flag> flags, String reason, Actor actor) {
        if (ref == null || ref.isBlank()) {
            return Mono.error(new InvalidReferralException("reference", "must name the referral"));
        }
        if (flags == null) {
            return Mono.error(new InvalidReferralException("flags", "must list the child's flags (an empty list clears them)"));
        }
        if (reason == null || reason.isBlank()) {
            return Mono.error(new InvalidReferralException("reason", "must say why the flags are set or cleared"));
        }
        if (reason.length() > MAX_REASON) {
            return Mono.error(new InvalidReferralException("reason", "must be at most " + MAX_REASON + " characters"));
        }
        Set<Flag> wanted = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        String why = reason.strip();
        Mono<Referral> work = Mono.fromRunnable(() -> Text.lines("reason", reason))
                .then(referrals.find(ref.strip()))
                // locked first, so "before" is what this change changes
                .flatMap(found -> rows.findById(found.id(), true))
                .switchIfEmpty(Mono.error(() -> new ReferralNotFoundException(ref)))
                .flatMap(row -> {
                    if (!row.stage().open()) {
                        return Mono.error(new ReferralClosedException(row.reference(), row.stage(), "changing its flags"));
                    }
                    if (row.flags().equals(wanted)) {
                        return referrals.find(row.id());
                    }
                    Instant now = clock.instant();
                    return write(row, wanted, why, actor, now)
                            .then(referrals.announce(row.id(), BoardEventType.FLAGS_CHANGED))
                            .flatMap(after -> audit.record(new AuditEntry(now, actor.username(),
                                    AuditAction.FLAGS_CHANGED, WorkType.REFERRAL.name(), after.id(), after.reference(),
                                    null, null, why, change(row.flags(), wanted))).thenReturn(after));
                });
        return acting.as(actor, work);
    }

    private Mono<Void> write(ReferralRepository.Row row, Set<Flag> wanted, String why, Actor actor, Instant now) {
        return db.sql("UPDATE referral SET flags = :flags, version = version + 1, updated_at = :at WHERE id = :id")
                .bind("flags", names(wanted))
                .bind("at", ReferralRepository.utc(now))
                .bind("id", row.id())
                .then()
                .then(db.sql("""
                                INSERT INTO flag_change (referral_id, changed_at, changed_by, from_flags, to_flags, reason)
                                VALUES (:id, :at, :by, :from, :to, :reason)""")
                        .bind("id", row.id())
                        .bind("at", ReferralRepository.utc(now))
                        .bind("by", actor.username())
                        .bind("from", names(row.flags()))
                        .bind("to", names(wanted))
                        .bind("reason", why)
                        .then());
    }

    private static String[] names(Set<Flag> flags) {
        return flags.stream().map(Flag::name).sorted().toArray(String[]::new);
    }

    /** What changed, in the board's words: "set SEND, Non-verbal; cleared Domestic abuse". */
    static String change(Set<Flag> before, Set<Flag> after) {
        String set = after.stream().filter(flag -> !before.contains(flag)).map(Flag::label)
                .collect(Collectors.joining(", "));
        String cleared = before.stream().filter(flag -> !after.contains(flag)).map(Flag::label)
                .collect(Collectors.joining(", "));
        return set.isEmpty() ? "cleared " + cleared
                : cleared.isEmpty() ? "set " + set : "set " + set + "; cleared " + cleared;
    }
}

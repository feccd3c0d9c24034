package org.mashlive.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import org.mashlive.referral.TimescalePolicy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts a period's front-door report from the referral table. One read of the period's contacts,
 * each with whether its child had another referral in the 12 months before it; the figures are
 * summed here so that the one-working-day clock is the same {@link TimescalePolicy} the API and
 * the board use.
 */
@Component
class FrontDoorReports {

    private final DatabaseClient db;
    private final TimescalePolicy timescales;

    FrontDoorReports(DatabaseClient db, TimescalePolicy timescales) {
        this.db = db;
        this.timescales = timescales;
    }

    Mono<FrontDoorReport> report(LocalDate from, LocalDate to) {
        ZoneId zone = timescales.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        // a contact is a referral when it was decided as one (accepted for a social care assessment);
        // a re-referral by the national definition is a referral whose child had another referral
        // received in the 12 calendar months (the hub's local time) before it, whether or not in the period.
        // The decision that closed it (signed off, or needing no sign-off) gives its next step.
        return db.sql("""
                        SELECT r.received_at, r.source, r.health_type, r.channel, r.outcome, r.decided_at, r.due_at,
                            r.outcome IN ('ASSESSMENT_S17', 'STRATEGY_S47')
                            AND EXISTS (SELECT 1 FROM referral p
                                    WHERE p.child_key = r.child_key AND p.id <> r.id
                                    AND p.outcome IN ('ASSESSMENT_S17', 'STRATEGY_S47')
                                    AND p.received_at < r.received_at
                                    AND p.received_at >= ((r.received_at AT TIME ZONE :zone)
                                        - interval '12 months') AT TIME ZONE :zone) AS re_referral,
                            d.next_step, d.status AS decision_status, d.decided_at AS proposed_at,
                            d.settled_at AS signed_off_at,
                            (SELECT count(*) FROM decision x WHERE x.referral_id = r.id AND x.status = 'RETURNED')
                                AS returned
                        FROM referral r
                        LEFT JOIN LATERAL (SELECT next_step, status, decided_at, settled_at FROM decision c
                                WHERE c.referral_id = r.id AND c.status IN ('SIGNED_OFF', 'NOT_NEEDED', 'NOT_RECORDED')
                                ORDER BY c.decided_at DESC, c.id DESC LIMIT 1) d ON r.stage = 'DECIDED'
                        WHERE r.received_at >= :start AND r.received_at < :end""")
                .bind("start", start.atOffset(ZoneOffset.UTC))
                .bind("end", end.atOffset(ZoneOffset.UTC))
                .bind("zone", zone.getId())
                .map(row -> new Contact(
                        row.get("received_at", OffsetDateTime.class).toInstant(),
                        row.get("source", String.class),
                        row.get("health_type", String.class),
                        row.get("channel", String.class),
                        row.get("outcome", String.class),
                        instant(row.get("decided_at", OffsetDateTime.class)),
                        row.get("due_at", OffsetDateTime.class).toInstant(),
                        Boolean.TRUE.equals(row.get("re_referral", Boolean.class)),
                        row.get("next_step", String.class),
                        row.get("decision_status", String.class),
                        instant(row.get("proposed_at", OffsetDateTime.class)),
                        instant(row.get("signed_off_at", OffsetDateTime.class)),
                        row.get("returned", Long.class)))
                .all()
                .collectList()
                .map(contacts -> summarise(from, to, start, end, contacts));
    }

    private FrontDoorReport summarise(LocalDate from, LocalDate to, Instant start, Instant end,
                                      List<Contact> contacts) {
        var bySource = new TreeMap<String, Long>();
        var byHealthType = new TreeMap<String, Long>();
        var byChannel = new TreeMap<String, Long>();
        var outcomes = new TreeMap<String, Long>();
        var nextSteps = new TreeMap<String, Long>();
        var secondsToDecision = new ArrayList<Double>();
        var secondsToSignOff = new ArrayList<Double>();
        long withinDay = 0;
        long withinRag = 0;
        long reReferrals = 0;
        long referrals = 0;
        long returned = 0;
        for (var contact : contacts) {
            returned += contact.returned();
            bySource.merge(contact.source(), 1L, Long::sum);
            byChannel.merge(contact.channel(), 1L, Long::sum);
            if (contact.healthType() != null) {
                byHealthType.merge(contact.healthType(), 1L, Long::sum);
            }
            if (contact.reReferral()) {
                reReferrals++;
            }
            if (contact.decidedAt() == null) {
                continue;
            }
            outcomes.merge(contact.outcome(), 1L, Long::sum);
            if (REFERRAL_OUTCOMES.contains(contact.outcome())) {
                referrals++;
            }
            if (contact.nextStep() != null) {
                nextSteps.merge(contact.nextStep(), 1L, Long::sum);
            }
            if ("SIGNED_OFF".equals(contact.decisionStatus())) {
                secondsToSignOff.add(seconds(contact.proposedAt(), contact.signedOffAt()));
            }
            secondsToDecision.add(seconds(contact.receivedAt(), contact.decidedAt()));
            if (!contact.decidedAt().isAfter(timescales.decisionDueAt(contact.receivedAt()))) {
                withinDay++;
            }
            if (!contact.decidedAt().isAfter(contact.dueAt())) {
                withinRag++;
            }
        }
        long decided = secondsToDecision.size();
        long signedOff = secondsToSignOff.size();
        return new FrontDoorReport(from, to, start, end, contacts.size(), bySource, byHealthType, byChannel, outcomes,
                decided, withinDay, share(withinDay, decided), withinRag, share(withinRag, decided), reReferrals,
                median(secondsToDecision), referrals, share(referrals, contacts.size()), share(reReferrals, referrals),
                nextSteps, signedOff, share(signedOff, decided), median(secondsToSignOff), returned);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /**
     * The seconds between two database times, to the microsecond the database keeps: the value PostgreSQL's
     * {@code extract(epoch FROM later - earlier)} gives, as a double.
     */
    static double seconds(Instant earlier, Instant later) {
        return ChronoUnit.MICROS.between(earlier, later) / 1e6;
    }

    /**
     * The median as PostgreSQL's {@code percentile_cont(0.5)} gives it, to the last bit: the middle value of an odd
     * count, and of an even count the lower middle plus half the step to the upper one.
     */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        double low = sorted.get(middle - 1);
        double high = sorted.get(middle);
        return low + (high - low) * 0.5;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** The outcomes that make a contact a referral: it was accepted for a social care assessment. */
    static final java.util.Set<String> REFERRAL_OUTCOMES = java.util.Set.of("ASSESSMENT_S17", "STRATEGY_S47");

    private record Contact(Instant receivedAt, String source, String healthType, String channel, String outcome,
                           Instant decidedAt, Instant dueAt, boolean reReferral, String nextStep,
                           String decisionStatus, Instant proposedAt, Instant signedOffAt, long returned) {
    }
}

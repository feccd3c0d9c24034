package org.mashlive.quality.api;

import java.time.Instant;
import java.util.List;

/**
 * A professional disagreement between the hub and a partner agency about a referral.
 *
 * @param id             its number
 * @param reference      the referral
 * @param agency         the agency ({@code HEALTH})
 * @param raisedBy       {@code HUB} or {@code AGENCY}
 * @param concern        what it is about (may name people: only in the audited detail, never in a list)
 * @param stage          where it stands: {@code PRACTITIONER}, {@code MANAGER} or {@code HEAD_OF_SERVICE}
 * @param stages         every stage it reached, with when and who
 * @param openedAt       when it was raised
 * @param openedByName   who recorded it
 * @param resolvedAt     when it was resolved, or null while open
 * @param resolution     how, or null
 * @param resolvedByName who recorded the resolution, or null
 * @param workingDaysOpen working days from raising to resolution (or to now, while open), on the hub's calendar
 * @param overdue        open longer than the hub allows ({@code mash.escalations.alert-after-working-days})
 */
public record Escalation(long id, String reference, String agency, String raisedBy, String concern, String stage,
                         List<Stage> stages, Instant openedAt, String openedByName, Instant resolvedAt,
                         String resolution, String resolvedByName, double workingDaysOpen, boolean overdue) {

    /**
     * As a list shows it: without what it is about, the notes of its stages or its resolution, which
     * may name people and are read one at a time, audited.
     */
    public Escalation listed() {
        return new Escalation(id, reference, agency, raisedBy, null, stage,
                stages.stream().map(reached -> new Stage(reached.stage(), reached.at(), reached.byName(), null)).toList(),
                openedAt, openedByName, resolvedAt, null, resolvedByName, workingDaysOpen, overdue);
    }

    /** A stage an escalation reached. */
    public record Stage(String stage, Instant at, String byName, String note) {
    }
}

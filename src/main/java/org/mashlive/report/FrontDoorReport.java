package org.mashlive.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A period's front-door figures. The population is every contact received in the period; its
 * decision figures follow those contacts to their decision, whenever that came
 * (docs/decisions/0018-one-working-day-decision-clock.md).
 *
 * @param from                        the first day of the period (in the hub's zone), inclusive
 * @param to                          the last day of the period, inclusive
 * @param periodStart                 the period's first instant
 * @param periodEnd                   the instant after its last
 * @param contacts                    contacts received in the period
 * @param bySource                    contacts by source
 * @param byHealthType                health contacts by sub-type (those recorded without one are not listed)
 * @param byChannel                   contacts by channel
 * @param outcomes                    decided contacts by outcome
 * @param decided                     contacts of the period decided so far
 * @param decidedWithinOneWorkingDay  decided no later than one working day from receipt
 * @param shareWithinOneWorkingDay    that as a share of {@code decided}, null when none decided
 * @param decidedWithinRagTimescale   decided no later than the due time of the RAG they had when decided
 * @param shareWithinRagTimescale     that as a share of {@code decided}, null when none decided
 * @param reReferrals                 referrals (see {@code referrals}) of a child with another referral received
 *                                    in the 12 months before: the national definition, a referral after a
 *                                    previous referral, not after any contact
 * @param medianSecondsToDecision     the median time from receipt to decision, null when none decided
 * @param referrals                   contacts decided as referrals: accepted for a social care assessment
 *                                    (outcome ASSESSMENT_S17 or STRATEGY_S47)
 * @param conversion                  {@code referrals} as a share of {@code contacts}, null when no contacts
 * @param shareReReferrals            {@code reReferrals} as a share of {@code referrals}, null when none
 * @param nextSteps                   decided contacts by the next step of the decision that closed them
 *                                    (decisions from before next steps were recorded are not listed)
 * @param signedOff                   decided contacts whose decision a second person signed off
 * @param shareSignedOff              that as a share of {@code decided}, null when none decided
 * @param medianSecondsToSignOff      the median time from a decision to its sign-off, null when none signed off
 * @param returnedDecisions           decisions on the period's contacts returned for another decision
 */
public record FrontDoorReport(
        LocalDate from,
        LocalDate to,
        Instant periodStart,
        Instant periodEnd,
        long contacts,
        Map<String, Long> bySource,
        Map<String, Long> byHealthType,
        Map<String, Long> byChannel,
        Map<String, Long> outcomes,
        long decided,
        long decidedWithinOneWorkingDay,
        Double shareWithinOneWorkingDay,
        long decidedWithinRagTimescale,
        Double shareWithinRagTimescale,
        long reReferrals,
        Double medianSecondsToDecision,
        long referrals,
        Double conversion,
        Double shareReReferrals,
        Map<String, Long> nextSteps,
        long signedOff,
        Double shareSignedOff,
        Double medianSecondsToSignOff,
        long returnedDecisions) {

    /** The figures as CSV: a header, then one {@code figure,value} row each; grouped counts as {@code group.key}. */
    String csv() {
        var rows = new ArrayList<String>();
        rows.add("figure,value");
        rows.add("from," + from);
        rows.add("to," + to);
        rows.add("periodStart," + periodStart);
        rows.add("periodEnd," + periodEnd);
        rows.add("contacts," + contacts);
        grouped(rows, "bySource", bySource);
        grouped(rows, "byHealthType", byHealthType);
        grouped(rows, "byChannel", byChannel);
        grouped(rows, "outcomes", outcomes);
        rows.add("decided," + decided);
        rows.add("decidedWithinOneWorkingDay," + decidedWithinOneWorkingDay);
        rows.add("shareWithinOneWorkingDay," + text(shareWithinOneWorkingDay));
        rows.add("decidedWithinRagTimescale," + decidedWithinRagTimescale);
        rows.add("shareWithinRagTimescale," + text(shareWithinRagTimescale));
        rows.add("reReferrals," + reReferrals);
        rows.add("medianSecondsToDecision," + text(medianSecondsToDecision));
        rows.add("referrals," + referrals);
        rows.add("conversion," + text(conversion));
        rows.add("shareReReferrals," + text(shareReReferrals));
        grouped(rows, "nextSteps", nextSteps);
        rows.add("signedOff," + signedOff);
        rows.add("shareSignedOff," + text(shareSignedOff));
        rows.add("medianSecondsToSignOff," + text(medianSecondsToSignOff));
        rows.add("returnedDecisions," + returnedDecisions);
        return String.join("\r\n", rows) + "\r\n";
    }

    private static void grouped(List<String> rows, String group, Map<String, Long> counts) {
        // keys are enumeration names (no commas or quotes), so no CSV quoting is needed
        counts.forEach((key, count) -> rows.add(group + "." + key + "," + count));
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }
}

package org.mashlive.quality.api;

/**
 * A professional disagreement to record.
 *
 * @param reference the referral it is about
 * @param agency    the partner agency: {@code POLICE}, {@code HEALTH}, {@code EDUCATION}, {@code PROBATION},
 *                  {@code HOUSING}, {@code OTHER_LOCAL_AUTHORITY}, {@code BORDER_FORCE}
 * @param raisedBy  who disagrees: {@code HUB} (the hub with the agency) or {@code AGENCY} (the agency with the hub)
 * @param concern   what the disagreement is about
 */
public record RaiseEscalation(String reference, String agency, String raisedBy, String concern) {
}

package org.mashlive.referral.api;

/**
 * Move an open referral to another open stage.
 *
 * @param reference its reference or numeric id
 * @param stage     {@code RECEIVED}, {@code SCREENING}, {@code INFORMATION_GATHERING} or {@code AWAITING_DECISION}
 */
public record StageRequest(String reference, String stage) {
}

package org.mashlive.referral.api;

/**
 * Authorise, or return, the decision that waits for sign-off on a referral.
 *
 * @param reference its reference or numeric id
 * @param reason    why it is returned (required to return it, at most 1000 characters); none to authorise
 */
public record SignOffRequest(String reference, String reason) {
}

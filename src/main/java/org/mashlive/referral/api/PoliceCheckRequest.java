package org.mashlive.referral.api;

/**
 * Record the police checks on a police notification as done.
 *
 * @param reference its reference or numeric id
 * @param summary   what the checks found, in the officer's words (at most 4000 characters); may
 *                  name people, so it stays with the referral and never goes to a board
 */
public record PoliceCheckRequest(String reference, String summary) {
}

package org.mashlive.partner.api;

/** Which referral's requests: its reference. */
public record ReferralRequests(String reference) {
}

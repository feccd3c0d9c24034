package org.mashlive.referral.api;

/**
 * Which referral's detail to show.
 *
 * @param reference its reference ({@code MASH-2026-000123}) or numeric id
 */
public record DetailRequest(String reference) {
}

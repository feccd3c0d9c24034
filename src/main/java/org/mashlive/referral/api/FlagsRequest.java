package org.mashlive.referral.api;

import java.util.List;

/**
 * Set or clear a child's flags on an open referral: the flags it carries after the change.
 *
 * @param reference its reference ({@code MASH-2026-000123}) or numeric id
 * @param flags     every flag the child has now, by name ({@code SEND}, {@code NON_VERBAL},
 *                  {@code ASYLUM_SEEKING}, {@code ASD_CONCERN}, {@code DOMESTIC_ABUSE}); an empty
 *                  list clears them all
 * @param reason    why, in the lead's words (at most 1000 characters)
 */
public record FlagsRequest(String reference, List<String> flags, String reason) {
}

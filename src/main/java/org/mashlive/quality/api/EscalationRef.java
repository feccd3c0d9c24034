package org.mashlive.quality.api;

/**
 * @param id the professional disagreement, by its number
 */
public record EscalationRef(Long id) {
}

package org.mashlive.quality.api;

/**
 * @param id    the escalation
 * @param stage the later stage it goes to: {@code MANAGER} or {@code HEAD_OF_SERVICE}
 * @param note  why, optional
 */
public record EscalationStep(Long id, String stage, String note) {
}

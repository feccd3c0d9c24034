package org.mashlive.quality.api;

/**
 * @param id         the escalation
 * @param resolution how it was resolved
 */
public record ResolveEscalation(Long id, String resolution) {
}

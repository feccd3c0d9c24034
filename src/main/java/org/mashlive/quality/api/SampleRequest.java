package org.mashlive.quality.api;

/** @param week the ISO week, {@code 2026-W48}; the current week when absent */
public record SampleRequest(String week) {
}

package org.mashlive.capacity.api;

/**
 * A period of the front-door report.
 *
 * @param from the first day, {@code 2026-10-01} (Europe/London), inclusive
 * @param to   the last day, inclusive; at most 400 days after {@code from}
 */
public record ReportRequest(String from, String to) {
}

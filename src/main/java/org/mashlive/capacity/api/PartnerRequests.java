package org.mashlive.capacity.api;

import java.time.Duration;

/**
 * Information requests outstanding with one partner agency.
 *
 * @param partner     the partner, for example {@code POLICE}
 * @param outstanding requests sent and not yet answered
 * @param oldest      how long the oldest of them has waited; zero with none outstanding
 */
public record PartnerRequests(String partner, int outstanding, Duration oldest) {
}

package org.mashlive.audit;

import java.time.Instant;

/**
 * A refused sign-in, in the audit trail.
 *
 * @param at          when
 * @param door        {@code rest}, {@code rsocket} or {@code login}
 * @param account     the name given, which need not be a user's
 * @param address     where the attempt came from
 * @param failures    the failures counted against the account or address within the throttle's window
 * @param lockedUntil until when this failure locked the account or address; null when it did not
 */
public record SignInRefusal(Instant at, String door, String account, String address, int failures,
                            Instant lockedUntil) {
}

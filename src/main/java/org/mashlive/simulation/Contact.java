package org.mashlive.simulation;

import java.time.Instant;

import org.mashlive.referral.NewReferral;

/**
 * A generated contact: what arrives, when, and what will happen to it.
 *
 * @param at         when it arrives, in simulated time
 * @param referral   the contact as the front door receives it
 * @param reReferral whether the model chose a child it had generated before
 * @param plan       the screening steps after receipt
 */
record Contact(Instant at, NewReferral referral, boolean reReferral, Plan plan) {
}

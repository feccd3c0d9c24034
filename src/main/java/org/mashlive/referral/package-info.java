/**
 * Contacts and referrals: intake from every channel, RAG with its reasons, stages, decisions,
 * timescale clocks and re-referrals.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.referral;

/**
 * Who works which referral or police check: allocation, and reallocation by duty leads with a
 * reason, optimistic locking, confirmation when someone is overloaded or off shift, and an audit
 * trail of every attempt.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.allocation;

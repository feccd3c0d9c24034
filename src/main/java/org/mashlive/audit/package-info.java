/**
 * The audit trail: who allocated or moved which case, when, from whom, to whom and why; every
 * attempt that lost a race or was refused; every view of a child's identifying detail; who rated,
 * moved, decided each referral and recorded its police checks; and every refused sign-in.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.audit;

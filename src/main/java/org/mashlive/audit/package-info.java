/**
 * The audit trail: who allocated or moved which case, when, from whom, to whom and why; every
 * attempt that lost a race or was refused; and every view of a child's identifying detail.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.audit;

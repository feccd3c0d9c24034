/**
 * What clients of the capacity figures use: the {@code capacity.summary} route and the records it
 * answers with. Counts, shares and ages only: nothing names a child, a referral or a worker.
 */
@org.springframework.modulith.NamedInterface("api")
package org.mashlive.capacity.api;

/**
 * Capacity figures derived from the other modules: front-door demand, timeliness against the
 * timescales, and (once staffing is known) staff on duty against establishment and the queue per
 * available worker; served as {@code capacity.summary} and as Micrometer meters for Prometheus.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.capacity;

/**
 * What clients of allocation use: the duty routes ({@code duty.allocate}, {@code duty.candidates}),
 * their requests and answers, and the error codes a client tells a conflict and a needed
 * confirmation by. Staff names appear ("J. Patel"); nothing names a child.
 */
@org.springframework.modulith.NamedInterface("api")
package org.mashlive.allocation.api;

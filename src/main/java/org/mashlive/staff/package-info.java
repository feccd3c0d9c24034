/**
 * The hub's people: staff and their contracts, the 24-hour rota of shifts, presence and breaks,
 * the establishment of funded posts and its vacancies, out-of-hours cover, and the demo rota.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.staff;

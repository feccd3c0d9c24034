/**
 * What clients of a referral's identifying detail use: the {@code duty.referral.detail} route and the
 * records it answers with. These carry a child's name and date of birth: a client shows them only to
 * the person who asked, and never keeps them in shared state or sends them to a board.
 */
@org.springframework.modulith.NamedInterface("api")
package org.mashlive.referral.api;

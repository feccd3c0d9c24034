/**
 * What the duty view uses: a referral's identifying detail ({@code duty.referral.detail}), the
 * screening actions on it ({@code duty.referral.*}), and the records they take and answer. The
 * detail carries a child's name and date of birth: a client shows it only to the person who asked,
 * and never keeps it in shared state or sends it to a board.
 */
@org.springframework.modulith.NamedInterface("api")
package org.mashlive.referral.api;

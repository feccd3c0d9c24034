package org.mashlive.capacity.api;

/**
 * Staffing of one role in one team now.
 *
 * @param team           the team
 * @param role           the role, for example {@code SOCIAL_WORKER}
 * @param onDuty         people of the role on duty now
 * @param establishment  posts funded (full-time equivalents)
 * @param vacancies      posts unfilled (full-time equivalents)
 * @param caseload       open work allocated to people of the role
 * @param workers        people in post in the role
 */
public record RoleStaffing(String team, String role, int onDuty, double establishment, double vacancies,
                           int caseload, int workers) {

    /** Open work per person in post, or null with nobody in post. */
    public Double caseloadPerWorker() {
        return workers == 0 ? null : (double) caseload / workers;
    }
}

/**
 * Quality assurance of decisions and professional disagreements with partner agencies: the weekly
 * sample of decided referrals, stratified and reproducible, graded by hub managers against a
 * checklist with feedback to the practitioner who decided; and escalations between the hub and an
 * agency, by stage, until resolved. Every step is in the audit trail. Clients use {@code quality.api}.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.quality;

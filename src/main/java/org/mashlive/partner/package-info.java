/**
 * Information requests to partner agencies: a referral's requests to the police, health (by
 * service), education, probation, housing, another local authority and Border Force; their due times
 * from the response times per RAG on the working calendar; chases; answers, and "no information held".
 * Every request, chase and answer is audited and goes on the board stream (without the answer).
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.partner;

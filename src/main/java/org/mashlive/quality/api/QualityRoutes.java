package org.mashlive.quality.api;

/** The RSocket routes of quality assurance; who may call each is the security module's rule. */
public final class QualityRoutes {

    /**
     * Request-response, {@link DrawRequest} → {@link QaSample}: draws the week's sample (hub managers
     * and admins), or answers the one already drawn for that week.
     */
    public static final String DRAW = "quality.sample.draw";

    /** Request-response, {@link SampleRequest} → {@link QaSample}: a week's sample with its grades. */
    public static final String SAMPLE = "quality.sample";

    /** Request-response, {@link GradeRequest} → {@link QaGrade}: grades one sampled decision. */
    public static final String GRADE = "quality.grade";

    /** Request-response, no payload → {@link Checklist}: the checklist, answers and grades as configured. */
    public static final String CHECKLIST = "quality.checklist";

    /** Request-response, no payload → a list of {@link QaGrade}: the grades of the caller's own decisions. */
    public static final String MY_FEEDBACK = "quality.feedback.mine";

    /**
     * Request-response, {@link RaiseEscalation} → {@link Escalation}: records a professional disagreement
     * with a partner agency about a referral, at the practitioner stage.
     */
    public static final String ESCALATION_RAISE = "escalation.raise";

    /** Request-response, {@link EscalationStep} → {@link Escalation}: moves it on to a later stage. */
    public static final String ESCALATION_STAGE = "escalation.stage";

    /** Request-response, {@link ResolveEscalation} → {@link Escalation}: records how it was resolved. */
    public static final String ESCALATION_RESOLVE = "escalation.resolve";

    /** Request-response, no payload → a list of {@link Escalation}: the open ones, the oldest first. */
    public static final String ESCALATIONS_OPEN = "escalation.open";

    /**
     * Request-response, no payload → a list of {@link Escalation}: those resolved in the last
     * {@code mash.escalations.resolved-days} days (30), the latest resolved first.
     */
    public static final String ESCALATIONS_RESOLVED = "escalation.resolved";

    /**
     * Request-response, {@link EscalationRef} → {@link Escalation}: one disagreement with what it is about,
     * its notes and its resolution, which may name people; duty leads and admins only, and the backend
     * records that the caller viewed it.
     */
    public static final String ESCALATION_DETAIL = "escalation.detail";

    /** Error code of a step the rules refuse: a decision already graded, or one's own. */
    public static final int REFUSED = 0x00000305;

    /** Error code of a week without a sample, or a referral not in one. */
    public static final int NOT_FOUND = 0x00000306;

    private QualityRoutes() {
    }
}

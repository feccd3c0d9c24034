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

    /** Error code of a step the rules refuse: a decision already graded, or one's own. */
    public static final int REFUSED = 0x00000305;

    /** Error code of a week without a sample, or a referral not in one. */
    public static final int NOT_FOUND = 0x00000306;

    private QualityRoutes() {
    }
}

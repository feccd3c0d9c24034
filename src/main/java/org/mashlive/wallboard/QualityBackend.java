package org.mashlive.wallboard;

import java.util.List;

import org.mashlive.quality.api.Checklist;
import org.mashlive.quality.api.DrawRequest;
import org.mashlive.quality.api.Escalation;
import org.mashlive.quality.api.EscalationStep;
import org.mashlive.quality.api.RaiseEscalation;
import org.mashlive.quality.api.ResolveEscalation;
import org.mashlive.quality.api.GradeRequest;
import org.mashlive.quality.api.QaGrade;
import org.mashlive.quality.api.QaSample;

/**
 * What the quality-assurance views ask the backend, as the signed-in person, the same way as the duty
 * view ({@link DutyBackend}): each call waits a few seconds at most, and a refusal is a
 * {@link DutyException} whose message a person can read.
 */
public interface QualityBackend {

    /** Draws the week's sample as {@code user}, or reads the one drawn before. */
    QaSample draw(ActingUser user, DrawRequest request);

    /** The week's sample with its grades; {@code DutyException} of kind {@code REFUSED} when none is drawn. */
    QaSample sample(ActingUser user, String week);

    /** The checklist, answers and grades as the hub configured them. */
    Checklist checklist(ActingUser user);

    /** Grades a sampled decision as {@code user}. */
    QaGrade grade(ActingUser user, GradeRequest request);

    /** The grades of {@code user}'s own decisions, the latest first. */
    List<QaGrade> myFeedback(ActingUser user);

    /** The open professional disagreements with partner agencies, the oldest first. */
    List<Escalation> openEscalations(ActingUser user);

    /** Those resolved in the last 30 days, the latest resolved first. */
    List<Escalation> resolvedEscalations(ActingUser user);

    /** One disagreement with what it is about; the backend records that {@code user} viewed it. */
    Escalation escalation(ActingUser user, long id);

    /** Records a professional disagreement as {@code user}, at the practitioner stage. */
    Escalation raiseEscalation(ActingUser user, RaiseEscalation request);

    /** Moves a disagreement on to a later stage as {@code user}. */
    Escalation escalate(ActingUser user, EscalationStep request);

    /** Records how a disagreement was resolved, as {@code user}. */
    Escalation resolveEscalation(ActingUser user, ResolveEscalation request);
}

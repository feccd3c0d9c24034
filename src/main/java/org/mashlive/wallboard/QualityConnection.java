package org.mashlive.wallboard;

import java.util.List;

import org.mashlive.quality.api.Checklist;
import org.mashlive.quality.api.DrawRequest;
import org.mashlive.quality.api.Escalation;
import org.mashlive.quality.api.EscalationRef;
import org.mashlive.quality.api.EscalationStep;
import org.mashlive.quality.api.RaiseEscalation;
import org.mashlive.quality.api.ResolveEscalation;
import org.mashlive.quality.api.GradeRequest;
import org.mashlive.quality.api.QaGrade;
import org.mashlive.quality.api.QaSample;
import org.mashlive.quality.api.QualityRoutes;
import org.mashlive.quality.api.SampleRequest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * The quality views' requests over the duty view's connection: the person's own user token, so the
 * backend's audit names them.
 */
@Component
final class QualityConnection implements QualityBackend {

    private final DutyConnection duty;

    QualityConnection(DutyConnection duty) {
        this.duty = duty;
    }

    @Override
    public QaSample draw(ActingUser user, DrawRequest request) {
        return duty.call(duty.bearer(user), QualityRoutes.DRAW, spec -> spec.data(request).retrieveMono(QaSample.class));
    }

    @Override
    public QaSample sample(ActingUser user, String week) {
        return duty.call(duty.bearer(user), QualityRoutes.SAMPLE,
                spec -> spec.data(new SampleRequest(week)).retrieveMono(QaSample.class));
    }

    @Override
    public Checklist checklist(ActingUser user) {
        return duty.call(duty.bearer(user), QualityRoutes.CHECKLIST, spec -> spec.retrieveMono(Checklist.class));
    }

    @Override
    public QaGrade grade(ActingUser user, GradeRequest request) {
        return duty.call(duty.bearer(user), QualityRoutes.GRADE, spec -> spec.data(request).retrieveMono(QaGrade.class));
    }

    @Override
    public List<QaGrade> myFeedback(ActingUser user) {
        return duty.call(duty.bearer(user), QualityRoutes.MY_FEEDBACK,
                spec -> spec.retrieveMono(new ParameterizedTypeReference<List<QaGrade>>() { }));
    }

    @Override
    public List<Escalation> openEscalations(ActingUser user) {
        return duty.call(duty.bearer(user), QualityRoutes.ESCALATIONS_OPEN,
                spec -> spec.retrieveMono(new ParameterizedTypeReference<List<Escalation>>() { }));
    }

    @Override
    public List<Escalation> resolvedEscalations(ActingUser user) {
        return duty.call(duty.bearer(user), QualityRoutes.ESCALATIONS_RESOLVED,
                spec -> spec.retrieveMono(new ParameterizedTypeReference<List<Escalation>>() { }));
    }

    @Override
    public Escalation escalation(ActingUser user, long id) {
        return duty.call(duty.bearer(user), QualityRoutes.ESCALATION_DETAIL,
                spec -> spec.data(new EscalationRef(id)).retrieveMono(Escalation.class));
    }

    @Override
    public Escalation raiseEscalation(ActingUser user, RaiseEscalation request) {
        return duty.call(duty.bearer(user), QualityRoutes.ESCALATION_RAISE,
                spec -> spec.data(request).retrieveMono(Escalation.class));
    }

    @Override
    public Escalation escalate(ActingUser user, EscalationStep request) {
        return duty.call(duty.bearer(user), QualityRoutes.ESCALATION_STAGE,
                spec -> spec.data(request).retrieveMono(Escalation.class));
    }

    @Override
    public Escalation resolveEscalation(ActingUser user, ResolveEscalation request) {
        return duty.call(duty.bearer(user), QualityRoutes.ESCALATION_RESOLVE,
                spec -> spec.data(request).retrieveMono(Escalation.class));
    }
}

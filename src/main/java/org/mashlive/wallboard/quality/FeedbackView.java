package org.mashlive.wallboard.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.quality.api.QaGrade;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.QualityBackend;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * A practitioner's own feedback: the grades hub managers gave their sampled decisions, item by item,
 * with what the grader wrote, the latest first. The backend answers only the signed-in person's own.
 */
@Route("feedback")
@RolesAllowed({Access.DUTY_LEAD, Access.ADMIN})
@PageTitle("My feedback · MASH live board")
@StyleSheet("styles/duty.css")
@StyleSheet("styles/quality.css")
class FeedbackView extends Main {

    final Paragraph summary = new Paragraph();
    final Div list = new Div();

    @Autowired
    FeedbackView(QualityBackend backend, BoardFeed feed, Clock clock) {
        this(backend, feed, clock, ActingUser.current().orElse(null));
    }

    FeedbackView(QualityBackend backend, BoardFeed feed, Clock clock, ActingUser user) {
        setId("feedback");
        addClassNames("duty", "quality");
        summary.setId("feedback-summary");
        list.setId("feedback-list");
        list.addClassNames("sign-off-queue", "qa-list");
        add(new H1("My feedback"), summary, list);
        if (user == null) {
            summary.setText("Your sign-in has no backend session: sign out and sign in again");
            return;
        }
        try {
            show(backend.myFeedback(user), clock.instant(), feed);
        } catch (DutyException e) {
            summary.setText("Could not read your feedback: " + e.getMessage());
        }
    }

    private void show(List<QaGrade> grades, Instant now, BoardFeed feed) {
        summary.setText(grades.isEmpty() ? "No feedback yet: none of your decisions has been graded"
                : grades.size() + (grades.size() == 1 ? " of your decisions has" : " of your decisions have")
                + " been graded");
        for (var grade : grades) {
            var section = new Section();
            section.setId("feedback-" + grade.reference());
            section.addClassName("duty-action");
            section.add(new H2(grade.reference() + " · " + QaText.words(grade.grade())));
            section.add(Facts.line("Decision", QaText.outcome(grade.outcome()) + ", "
                            + BoardText.when(grade.decidedAt(), now, feed.zone())),
                    Facts.line("Graded", "by " + grade.gradedByName() + " " + BoardText.when(grade.gradedAt(), now,
                            feed.zone()) + " (sample of " + grade.week() + ")"));
            for (var answer : grade.answers()) {
                section.add(Facts.line(answer.item(), QaText.words(answer.answer())));
            }
            section.add(Facts.line("Feedback", grade.feedback()));
            list.add(section);
        }
    }
}

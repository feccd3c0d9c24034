package org.mashlive.wallboard.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.quality.api.Checklist;
import org.mashlive.quality.api.DrawRequest;
import org.mashlive.quality.api.GradeRequest;
import org.mashlive.quality.api.QaGrade;
import org.mashlive.quality.api.QaSample;
import org.mashlive.quality.api.SampledDecision;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.QualityBackend;
import org.mashlive.wallboard.duty.Notices;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * The hub manager's QA queue: draw a week's sample of decisions (this week by default; one not yet over
 * only after the screen has said what such a draw leaves out), then grade
 * each sampled decision against the hub's checklist with feedback to the practitioner who made it.
 * It shows references, sources, RAGs and the decisions as recorded, never a child's name. Every step
 * is the backend's, as the signed-in person, and audited there.
 */
@Route("quality")
@RolesAllowed({Access.HUB_MANAGER, Access.ADMIN})
@PageTitle("Quality assurance · MASH live board")
@StyleSheet("styles/duty.css")
@StyleSheet("styles/quality.css")
class QualityView extends Main {

    private final QualityBackend backend;
    private final BoardFeed feed;
    private final Clock clock;
    private final ActingUser user;
    private final Notices notices = new Notices();
    final TextField week = new TextField("Week");
    /** What a draw of the week named covers, said before drawing: a week not yet over is drawn as it stands. */
    final Paragraph weekNote = new Paragraph();
    final Paragraph summary = new Paragraph();
    /** The question asked before drawing a week that is not over; null while none is open. */
    Dialog midWeek;
    final Div list = new Div();
    private Checklist checklist;

    @Autowired
    QualityView(QualityBackend backend, BoardFeed feed, Clock clock) {
        this(backend, feed, clock, ActingUser.current().orElse(null));
    }

    QualityView(QualityBackend backend, BoardFeed feed, Clock clock, ActingUser user) {
        this.backend = backend;
        this.feed = feed;
        this.clock = clock;
        this.user = user;
        setId("quality");
        addClassNames("duty", "quality");
        week.setId("qa-week");
        week.setValue(thisWeek());
        week.setHelperText("An ISO week, such as " + thisWeek());
        week.setMaxLength(8);
        var draw = new Button("Draw the week's sample", e -> askThenDraw());
        draw.setId("qa-draw");
        draw.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var show = new Button("Show the week's sample", e -> load());
        show.setId("qa-show");
        var controls = new Div(week, draw, show);
        controls.addClassName("duty-action-fields");
        weekNote.setId("qa-week-note");
        weekNote.addClassName("qa-week-note");
        week.addValueChangeListener(e -> sayWhatADrawCovers());
        summary.setId("qa-summary");
        list.setId("qa-sample");
        list.addClassNames("sign-off-queue", "qa-list");
        add(new H1("Quality assurance of decisions"), controls, weekNote, summary, list);
        sayWhatADrawCovers();
        load();
    }

    /** The week the field names, in the hub's zone; empty when it names none (the backend says why on a draw). */
    private Optional<Week> named() {
        try {
            LocalDate monday = LocalDate.parse(week.getValue().strip() + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            return Optional.of(new Week(week.getValue().strip(), monday.atStartOfDay(feed.zone()).toInstant(),
                    monday.plusWeeks(1).atStartOfDay(feed.zone()).toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private record Week(String name, Instant start, Instant end) {
    }

    /**
     * Says what drawing the named week now would cover. A week is drawn once, from the decisions closed
     * in it up to the moment of drawing: a draw before the week is over leaves the rest of its decisions
     * out of QA for good.
     */
    void sayWhatADrawCovers() {
        Instant now = clock.instant();
        weekNote.setText(named().map(named -> {
            if (!now.isBefore(named.end())) {
                return named.name() + " is over: a draw covers every decision closed in it that was not sampled before.";
            }
            if (now.isBefore(named.start())) {
                return named.name() + " has not begun: it cannot be drawn yet.";
            }
            return midWeekWords(named, now);
        }).orElse(""));
    }

    private String midWeekWords(Week named, Instant now) {
        return named.name() + " is not over: a sample drawn now covers only the decisions closed from Monday "
                + "until now (" + BoardText.when(now, now, feed.zone()) + " today). A week is drawn once, so the "
                + "decisions closed later this week will never be in its sample: draw on Friday afternoon, or once "
                + "the week is over.";
    }

    /** Draws at once a week that is over; asks first for one that is not, saying what it would leave out. */
    private void askThenDraw() {
        Instant now = clock.instant();
        var named = named().orElse(null);
        if (named == null || !now.isBefore(named.end()) || now.isBefore(named.start())) {
            draw();
            return;
        }
        midWeek = new Dialog();
        midWeek.setHeaderTitle("Draw " + named.name() + " before the week is over?");
        var why = new Paragraph(midWeekWords(named, now));
        why.setId("qa-mid-week-why");
        midWeek.add(why);
        var drawNow = new Button("Draw now", e -> {
            midWeek.close();
            midWeek = null;
            draw();
        });
        drawNow.setId("qa-mid-week-draw");
        drawNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var wait = new Button("Not yet", e -> {
            midWeek.close();
            midWeek = null;
        });
        wait.setId("qa-mid-week-wait");
        midWeek.getFooter().add(wait, drawNow);
        midWeek.open();
    }

    private String thisWeek() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), feed.zone());
        return "%d-W%02d".formatted(today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private void draw() {
        if (signedOut()) {
            return;
        }
        try {
            var sample = backend.draw(user, new DrawRequest(week.getValue(), null));
            show(sample);
            notify(sample.created() ? "Drew " + sample.decisions().size() + " of " + sample.population()
                    + " decisions for " + sample.week() + " (seed " + sample.seed() + ")"
                    : "The sample of " + sample.week() + " was drawn before; it is shown as it was", false);
        } catch (DutyException e) {
            notify(e.getMessage(), true);
        }
    }

    /** Reads the week's sample; says so when none is drawn yet. */
    private void load() {
        if (signedOut()) {
            return;
        }
        try {
            if (checklist == null) {
                checklist = backend.checklist(user);
            }
            show(backend.sample(user, week.getValue()));
        } catch (DutyException e) {
            list.removeAll();
            summary.setText(e.getMessage());
        }
    }

    private void show(QaSample sample) {
        Instant now = clock.instant();
        long graded = sample.decisions().stream().filter(d -> d.grade() != null).count();
        summary.setText(sample.week() + ": " + sample.decisions().size() + " of " + sample.population()
                + " decisions sampled (" + Math.round(sample.share() * 100) + "% of each source and RAG), seed "
                + sample.seed() + ", drawn by " + sample.drawnByName() + " " + BoardText.when(sample.drawnAt(), now,
                feed.zone()) + " · " + graded + " graded"
                + (sample.drawnAt().isBefore(sample.weekEnd())
                ? " · drawn before the week was over: it covers the decisions closed until "
                + BoardText.when(sample.drawnAt(), now, feed.zone()) + "; those closed later in the week are not in it"
                : ""));
        list.removeAll();
        for (var decision : sample.decisions()) {
            list.add(item(decision, now));
        }
    }

    private Section item(SampledDecision decision, Instant now) {
        String ref = decision.reference();
        var section = new Section();
        section.setId("qa-" + ref);
        section.addClassName("duty-action");
        section.add(new H2(ref + " · " + QaText.outcome(decision.outcome())));
        section.add(Facts.line("Source", QaText.source(decision.source()) + " · " + QaText.words(decision.rag())),
                Facts.line("Consent", QaText.words(decision.consent())),
                Facts.line("Threshold", decision.threshold()),
                Facts.line("Next step", QaText.nextStep(decision.nextStep())),
                Facts.line("Decided by", decision.decidedByName()),
                Facts.line("Decided", BoardText.when(decision.decidedAt(), now, feed.zone())
                        + (decision.withinTimescale() ? " (within one working day)" : " (late)")),
                Facts.line("Rationale", decision.rationale()));
        if (decision.grade() != null) {
            section.add(graded(decision.grade(), now));
            return section;
        }
        if (user != null && user.username().equals(decision.decidedBy())) {
            section.add(new Paragraph("Your decision: someone else grades it."));
            return section;
        }
        section.add(form(ref));
        return section;
    }

    private Div graded(QaGrade grade, Instant now) {
        var shown = new Div();
        shown.setId("qa-" + grade.reference() + "-graded");
        shown.addClassName("qa-graded");
        shown.add(new H3("Graded " + QaText.words(grade.grade()) + " by " + grade.gradedByName() + " "
                + BoardText.when(grade.gradedAt(), now, feed.zone())));
        for (var answer : grade.answers()) {
            shown.add(Facts.line(answer.item(), QaText.words(answer.answer())));
        }
        shown.add(Facts.line("Feedback", grade.feedback()));
        return shown;
    }

    private Div form(String ref) {
        var form = new Div();
        form.addClassName("qa-form");
        var answers = new LinkedHashMap<String, Select<String>>();
        var checklistItems = checklist == null ? List.<String>of() : checklist.items();
        for (int i = 0; i < checklistItems.size(); i++) {
            var item = checklistItems.get(i);
            var choice = new Select<String>();
            choice.setLabel(item);
            choice.setId("qa-" + ref + "-item-" + i);
            choice.setItems(checklist.answers());
            choice.setItemLabelGenerator(QaText::words);
            answers.put(item, choice);
        }
        var grade = new Select<String>();
        grade.setLabel("Overall grade");
        grade.setId("qa-" + ref + "-grade");
        grade.setItems(checklist == null ? List.of() : checklist.grades());
        grade.setItemLabelGenerator(QaText::words);
        var feedback = new TextArea("Feedback to the practitioner");
        feedback.setId("qa-" + ref + "-feedback");
        feedback.setMaxLength(4000);
        var save = new Button("Grade", e -> grade(ref, answers, grade.getValue(), feedback.getValue()));
        save.setId("qa-" + ref + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var fields = new Div();
        fields.addClassName("qa-fields");
        answers.values().forEach(fields::add);
        fields.add(grade);
        form.add(fields, feedback, save);
        return form;
    }

    private void grade(String ref, LinkedHashMap<String, Select<String>> answers, String grade, String feedback) {
        if (signedOut()) {
            return;
        }
        var given = new LinkedHashMap<String, String>();
        var unanswered = new ArrayList<String>();
        answers.forEach((item, choice) -> {
            if (choice.getValue() == null) {
                unanswered.add(item);
            } else {
                given.put(item, choice.getValue());
            }
        });
        if (!unanswered.isEmpty()) {
            notify(ref + ": answer every item of the checklist; not answered: " + String.join(", ", unanswered), true);
            return;
        }
        try {
            var done = backend.grade(user, new GradeRequest(ref, given, grade, feedback));
            notify(ref + " graded " + QaText.words(done.grade()) + "; " + done.decidedByName()
                    + " will see the feedback", false);
            load();
        } catch (DutyException e) {
            notify(ref + ": " + e.getMessage(), true);
        }
    }

    private boolean signedOut() {
        if (user == null) {
            notify("Your sign-in has no backend session: sign out and sign in again", true);
            return true;
        }
        return false;
    }

    private void notify(String text, boolean error) {
        notices.show(text, error);
    }
}

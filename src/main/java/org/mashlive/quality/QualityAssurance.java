package org.mashlive.quality;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.platform.InvalidInputException;
import org.mashlive.platform.Text;
import org.mashlive.referral.TimescalePolicy;
import org.mashlive.quality.api.Checklist;
import org.mashlive.quality.api.GradeRequest;
import org.mashlive.quality.api.QaAnswer;
import org.mashlive.quality.api.QaGrade;
import org.mashlive.quality.api.QaSample;
import org.mashlive.quality.api.SampledDecision;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The weekly QA sample of decisions and its grading. A week's sample is drawn once, from the referrals
 * closed in the week up to the moment of drawing and never sampled before, with {@link Sampler}; the
 * seed, share and population are kept with it, and each sampled decision is audited. A sampled decision
 * is graded once, by someone other than who made it, against the configured checklist; the grade and
 * its feedback are audited and the practitioner reads them as their feedback.
 */
@Service
public class QualityAssurance {

    /** The answers an item of the checklist may have. */
    enum Answer { MET, PARTLY_MET, NOT_MET, NOT_APPLICABLE }

    /** The overall grades, best first (the inspectorate's scale). */
    enum Grade { OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE }

    static final int MAX_FEEDBACK = 4000;

    private final DatabaseClient db;
    private final Acting acting;
    private final AuditTrail audit;
    private final TimescalePolicy timescales;
    private final QualityProperties settings;
    private final QualityMeters meters;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    QualityAssurance(DatabaseClient db, Acting acting, AuditTrail audit, TimescalePolicy timescales,
                     QualityProperties settings, QualityMeters meters, Clock clock) {
        this.db = db;
        this.acting = acting;
        this.audit = audit;
        this.timescales = timescales;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    public Checklist checklist() {
        return new Checklist(settings.checklist(), Arrays.stream(Answer.values()).map(Enum::name).toList(),
                Arrays.stream(Grade.values()).map(Enum::name).toList());
    }

    /** The week {@code text} names (the current one when empty), refused naming {@code week} when it is not one. */
    IsoWeek week(String text) {
        return IsoWeek.parse("week", text, clock.instant(), timescales.zone());
    }

    /**
     * Draws the sample of {@code weekText} as {@code actor}, or answers the one drawn before.
     *
     * @throws InvalidInputException (as an error signal) for a week that is not one, or has not begun
     * @throws QualityRefusedException (as an error signal) when no decision of the week is there to sample
     */
    public Mono<QaSample> draw(String weekText, Long seed, Actor actor) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            IsoWeek week = week(weekText);
            if (week.start().isAfter(now)) {
                throw new InvalidInputException("week", "must not be after the current week; " + week.name()
                        + " has not begun");
            }
            long chosenSeed = seed != null ? seed : seeds.nextLong();
            // one draw of a week at a time: the second waits, then finds the first's sample
            Mono<Boolean> drawn = db.sql("SELECT pg_advisory_xact_lock(hashtext('mash.qa.' || :week))")
                    .bind("week", week.name()).then()
                    .then(sampleId(week.name()).map(id -> false)
                            .switchIfEmpty(Mono.defer(() -> drawNew(week, chosenSeed, now, actor).thenReturn(true))));
            return acting.as(actor, drawn).flatMap(created -> sample(week, created)
                    .doOnNext(sample -> {
                        if (created) {
                            meters.sampled(sample.decisions().size());
                        }
                    }));
        });
    }

    private Mono<Void> drawNew(IsoWeek week, long seed, Instant now, Actor actor) {
        return population(week, now).collectList().flatMap(population -> {
            if (population.isEmpty()) {
                return Mono.error(new QualityRefusedException("Nothing to sample", "No decision closed in "
                        + week.name() + " is there to sample yet; draw the sample once decisions are made"));
            }
            var chosen = Sampler.draw(population, seed, settings.share());
            return db.sql("""
                            INSERT INTO qa_sample (week, seed, share, population, drawn_at, drawn_by)
                            VALUES (:week, :seed, :share, :population, :at, :by) RETURNING id""")
                    .bind("week", week.name())
                    .bind("seed", seed)
                    .bind("share", settings.share())
                    .bind("population", population.size())
                    .bind("at", now.atOffset(ZoneOffset.UTC))
                    .bind("by", actor.username())
                    .map(row -> row.get("id", Long.class)).one()
                    .flatMap(id -> Flux.fromIterable(chosen).concatMap(item -> db.sql("""
                                    INSERT INTO qa_sample_item (sample_id, referral_id, decision_id, stratum)
                                    VALUES (:sample, :referral, :decision, :stratum)
                                    RETURNING (SELECT reference FROM referral WHERE id = :referral) AS reference""")
                            .bind("sample", id)
                            .bind("referral", item.referralId())
                            .bind("decision", item.decisionId())
                            .bind("stratum", item.stratum())
                            .map(row -> row.get("reference", String.class)).one()
                            .flatMap(reference -> audit.record(new AuditEntry(now, actor.username(),
                                    AuditAction.QA_SAMPLED, "REFERRAL", item.referralId(), reference, null, null, null,
                                    "drawn into the QA sample of " + week.name() + " · stratum " + item.stratum()
                                            + " · seed " + seed + " · " + chosen.size() + " of " + population.size()
                                            + " decisions"))))
                            .then());
        });
    }

    /**
     * The decisions that may be drawn for {@code week}: referrals closed in it up to {@code until}, each
     * with the decision that closed it (signed off, or needing no sign-off), never sampled before.
     */
    Flux<Sampler.Candidate> population(IsoWeek week, Instant until) {
        return db.sql("""
                        SELECT r.id AS referral_id, d.id AS decision_id, r.source, coalesce(r.rag, 'UNRATED') AS rag
                        FROM referral r
                        JOIN LATERAL (SELECT c.id FROM decision c WHERE c.referral_id = r.id
                                AND c.status IN ('SIGNED_OFF', 'NOT_NEEDED')
                                ORDER BY c.decided_at DESC, c.id DESC LIMIT 1) d ON true
                        WHERE r.stage = 'DECIDED' AND r.decided_at >= :start AND r.decided_at < :end
                            AND r.decided_at <= :until
                            AND NOT EXISTS (SELECT 1 FROM qa_sample_item s WHERE s.referral_id = r.id)""")
                .bind("start", week.start().atOffset(ZoneOffset.UTC))
                .bind("end", week.end().atOffset(ZoneOffset.UTC))
                .bind("until", until.atOffset(ZoneOffset.UTC))
                .map(row -> new Sampler.Candidate(row.get("referral_id", Long.class), row.get("decision_id", Long.class),
                        row.get("source", String.class) + "/" + row.get("rag", String.class)))
                .all();
    }

    private Mono<Long> sampleId(String week) {
        return db.sql("SELECT id FROM qa_sample WHERE week = :week").bind("week", week)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** The sample of {@code weekText} with its grades. */
    public Mono<QaSample> sample(String weekText) {
        return Mono.defer(() -> sample(week(weekText), false));
    }

    private Mono<QaSample> sample(IsoWeek week, boolean created) {
        Mono<Sample> header = db.sql("SELECT * FROM qa_sample WHERE week = :week").bind("week", week.name())
                .map(row -> new Sample(row.get("id", Long.class), row.get("seed", Long.class),
                        row.get("share", Double.class), row.get("population", Integer.class),
                        row.get("drawn_at", OffsetDateTime.class).toInstant(), row.get("drawn_by", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> new QualityNotFoundException("No sample drawn",
                        "No QA sample has been drawn for " + week.name())));
        return header.flatMap(sample -> db.sql("""
                                SELECT i.stratum, r.reference, r.source, coalesce(r.rag, 'UNRATED') AS rag, r.consent,
                                    r.received_at, d.outcome, d.threshold, d.next_step, d.rationale, d.decided_by,
                                    d.decided_at
                                FROM qa_sample_item i JOIN referral r ON r.id = i.referral_id
                                JOIN decision d ON d.id = i.decision_id
                                WHERE i.sample_id = :id ORDER BY i.stratum, r.reference""")
                        .bind("id", sample.id())
                        .map(row -> new Item(row.get("stratum", String.class), row.get("reference", String.class),
                                row.get("source", String.class), row.get("rag", String.class),
                                row.get("consent", String.class),
                                row.get("received_at", OffsetDateTime.class).toInstant(),
                                row.get("outcome", String.class), row.get("threshold", String.class),
                                row.get("next_step", String.class), row.get("rationale", String.class),
                                row.get("decided_by", String.class),
                                row.get("decided_at", OffsetDateTime.class).toInstant()))
                        .all().collectList()
                        .zipWith(grades("i.sample_id = :id", "id", sample.id()).collectMap(QaGrade::reference))
                        .flatMap(found -> {
                            var names = new HashSet<String>();
                            names.add(sample.drawnBy());
                            found.getT1().forEach(item -> names.add(item.decidedBy()));
                            return audit.people(names).map(people -> new QaSample(week.name(), week.start(), week.end(),
                                    sample.seed(), sample.share(), sample.population(), sample.drawnAt(),
                                    people.get(sample.drawnBy()).label(), created,
                                    found.getT1().stream().map(item -> item.decision(
                                            people.get(item.decidedBy()).label(),
                                            timescales.decisionDueAt(item.receivedAt()),
                                            found.getT2().get(item.reference()))).toList()));
                        }));
    }

    /** The grades of the caller's own decisions, the latest first. */
    Flux<QaGrade> feedback(Actor actor) {
        return grades("g.decided_by = :who", "who", actor.username());
    }

    /** Grades whose row matches {@code where} (over i, g, d, r, s), each with its answers and names. */
    private Flux<QaGrade> grades(String where, String name, Object value) {
        return db.sql("""
                        SELECT g.id, r.reference, s.week, d.outcome, d.decided_at, d.decided_by, g.grade, g.feedback,
                            g.graded_at, g.graded_by
                        FROM qa_grade g JOIN qa_sample_item i ON i.referral_id = g.referral_id
                        JOIN qa_sample s ON s.id = i.sample_id
                        JOIN referral r ON r.id = g.referral_id JOIN decision d ON d.id = i.decision_id
                        WHERE""" + " " + where + " ORDER BY g.graded_at DESC, g.id DESC")
                .bind(name, value)
                .map(row -> new GradeRow(row.get("id", Long.class), row.get("reference", String.class),
                        row.get("week", String.class), row.get("outcome", String.class),
                        row.get("decided_at", OffsetDateTime.class).toInstant(), row.get("decided_by", String.class),
                        row.get("grade", String.class), row.get("feedback", String.class),
                        row.get("graded_at", OffsetDateTime.class).toInstant(), row.get("graded_by", String.class)))
                .all().collectList()
                .flatMapMany(rows -> {
                    if (rows.isEmpty()) {
                        return Flux.empty();
                    }
                    var names = new HashSet<String>();
                    rows.forEach(row -> {
                        names.add(row.decidedBy());
                        names.add(row.gradedBy());
                    });
                    Mono<Map<Long, List<QaAnswer>>> answers = db.sql("""
                                    SELECT grade_id, item, answer FROM qa_grade_answer WHERE grade_id = ANY(:ids)
                                    ORDER BY grade_id, position""")
                            .bind("ids", rows.stream().map(GradeRow::id).toArray(Long[]::new))
                            .map(row -> Map.entry(row.get("grade_id", Long.class),
                                    new QaAnswer(row.get("item", String.class), row.get("answer", String.class))))
                            .all()
                            .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
                    return Mono.zip(answers, audit.people(names)).flatMapMany(found -> Flux.fromIterable(rows)
                            .map(row -> new QaGrade(row.reference(), row.week(), row.outcome(), row.decidedAt(),
                                    row.decidedBy(), found.getT2().get(row.decidedBy()).label(),
                                    found.getT1().getOrDefault(row.id(), List.of()), row.grade(), row.feedback(),
                                    row.gradedAt(), found.getT2().get(row.gradedBy()).label())));
                });
    }

    /**
     * Grades the sampled decision on {@code request.reference()} as {@code actor}.
     *
     * @throws InvalidInputException (as an error signal) naming the field that breaks a rule
     * @throws QualityNotFoundException (as an error signal) when the referral is in no sample
     * @throws QualityRefusedException (as an error signal) when it is graded already, or it is the actor's own decision
     */
    public Mono<QaGrade> grade(GradeRequest request, Actor actor) {
        return Mono.defer(() -> {
            Checked checked = checked(request);
            Instant now = clock.instant();
            Mono<Long> graded = db.sql("""
                            SELECT i.referral_id, r.reference, d.decided_by, s.week,
                                (SELECT g.graded_by FROM qa_grade g WHERE g.referral_id = i.referral_id) AS graded_by
                            FROM qa_sample_item i JOIN referral r ON r.id = i.referral_id
                            JOIN decision d ON d.id = i.decision_id JOIN qa_sample s ON s.id = i.sample_id
                            WHERE r.reference = :reference FOR UPDATE OF i""")
                    .bind("reference", checked.reference())
                    .map(row -> new Target(row.get("referral_id", Long.class), row.get("reference", String.class),
                            row.get("decided_by", String.class), row.get("week", String.class),
                            row.get("graded_by", String.class)))
                    .one()
                    .switchIfEmpty(Mono.error(() -> new QualityNotFoundException("Not in a QA sample",
                            checked.reference() + " is not in a QA sample")))
                    .flatMap(target -> {
                        if (target.gradedBy() != null) {
                            return Mono.error(new QualityRefusedException("Already graded", target.reference()
                                    + " has been graded already; a sampled decision is graded once"));
                        }
                        if (target.decidedBy().equals(actor.username())) {
                            return Mono.error(new QualityRefusedException("Not your own decision", "You made the "
                                    + "decision on " + target.reference() + "; someone else grades it"));
                        }
                        return insertGrade(target, checked, now, actor);
                    });
            return acting.as(actor, graded).then(grades("g.referral_id = (SELECT id FROM referral WHERE reference = :ref)",
                    "ref", checked.reference()).next())
                    .doOnNext(grade -> meters.graded(grade.grade()));
        });
    }

    private Mono<Long> insertGrade(Target target, Checked checked, Instant now, Actor actor) {
        return db.sql("""
                        INSERT INTO qa_grade (referral_id, grade, feedback, decided_by, graded_at, graded_by)
                        VALUES (:referral, :grade, :feedback, :decidedBy, :at, :by) RETURNING id""")
                .bind("referral", target.referralId())
                .bind("grade", checked.grade().name())
                .bind("feedback", checked.feedback())
                .bind("decidedBy", target.decidedBy())
                .bind("at", now.atOffset(ZoneOffset.UTC))
                .bind("by", actor.username())
                .map(row -> row.get("id", Long.class)).one()
                .flatMap(id -> Flux.range(0, checked.answers().size()).concatMap(i -> db.sql("""
                                        INSERT INTO qa_grade_answer (grade_id, position, item, answer)
                                        VALUES (:id, :position, :item, :answer)""")
                                .bind("id", id).bind("position", i)
                                .bind("item", checked.answers().get(i).item())
                                .bind("answer", checked.answers().get(i).answer())
                                .then())
                        .then(audit.record(new AuditEntry(now, actor.username(), AuditAction.QA_GRADED, "REFERRAL",
                                target.referralId(), target.reference(), null, null, checked.feedback(),
                                "QA grade " + checked.grade().name() + " (sample " + target.week() + ") · decided by "
                                        + target.decidedBy() + " · " + checked.answers().stream()
                                        .map(a -> a.item() + ": " + a.answer()).collect(Collectors.joining("; ")))))
                        .thenReturn(id));
    }

    /** The request with its values read; refused naming the field. */
    private Checked checked(GradeRequest request) {
        if (request == null || request.reference() == null || request.reference().isBlank()) {
            throw new InvalidInputException("reference", "must name the sampled referral");
        }
        String reference = Text.line("reference", request.reference()).strip();
        Map<String, String> given = request.answers() == null ? Map.of() : request.answers();
        var answers = new ArrayList<QaAnswer>();
        var missing = new ArrayList<String>();
        for (String item : settings.checklist()) {
            String answer = given.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().strip().equals(item))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (answer == null || answer.isBlank()) {
                missing.add(item);
                continue;
            }
            answers.add(new QaAnswer(item, value("answers." + item, answer, Answer.class).name()));
        }
        for (String item : given.keySet()) {
            if (item == null || settings.checklist().stream().noneMatch(known -> known.equals(item.strip()))) {
                throw new InvalidInputException("answers", "'" + item + "' is not an item of the checklist: "
                        + String.join(", ", settings.checklist()));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("answers", "must answer every item of the checklist; not answered: "
                    + String.join(", ", missing));
        }
        Grade grade = value("grade", request.grade(), Grade.class);
        String feedback = request.feedback();
        if (feedback == null || feedback.isBlank()) {
            throw new InvalidInputException("feedback", "must say what the practitioner is told");
        }
        Text.lines("feedback", feedback);
        if (feedback.length() > MAX_FEEDBACK) {
            throw new InvalidInputException("feedback", "must be at most " + MAX_FEEDBACK + " characters");
        }
        return new Checked(reference, List.copyOf(answers), grade, feedback.strip());
    }

    /** The constant {@code text} names, or a refusal that lists the ones there are. */
    static <E extends Enum<E>> E value(String field, String text, Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must be one of " + names);
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + names + "; it was '" + text + "'");
        }
    }

    private record Checked(String reference, List<QaAnswer> answers, Grade grade, String feedback) {
    }

    private record Target(long referralId, String reference, String decidedBy, String week, String gradedBy) {
    }

    private record Sample(long id, long seed, double share, int population, Instant drawnAt, String drawnBy) {
    }

    private record GradeRow(long id, String reference, String week, String outcome, Instant decidedAt,
                            String decidedBy, String grade, String feedback, Instant gradedAt, String gradedBy) {
    }

    private record Item(String stratum, String reference, String source, String rag, String consent,
                        Instant receivedAt, String outcome, String threshold, String nextStep, String rationale,
                        String decidedBy, Instant decidedAt) {

        SampledDecision decision(String decidedByName, Instant decisionDueAt, QaGrade grade) {
            return new SampledDecision(reference, source, rag, stratum, consent, outcome, threshold, nextStep,
                    rationale, decidedBy, decidedByName, receivedAt, decidedAt, decisionDueAt,
                    !decidedAt.isAfter(decisionDueAt), grade);
        }
    }
}

package org.mashlive.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the demo hub's professional disagreements and QA grades are, worked out from the simulation's
 * seed and nothing else that varies: the same seed and the same referrals give the same disagreements
 * (which referrals, which agencies, how far each goes, which are resolved), and the same seed and week
 * the same QA sample and grades. Texts are made up and name nobody.
 */
final class QualityPlan {

    /** About one referral in this many has a disagreement. */
    static final int ONE_IN = 25;
    static final int MOST = 8;
    static final int FEWEST = 3;

    private static final long DISAGREEMENTS = 0x5EEDD15A6EEL;
    private static final long GRADES = 0x5EED6AADE5L;

    private static final String[] AGENCIES = {"HEALTH", "EDUCATION", "POLICE", "HOUSING", "PROBATION",
            "OTHER_LOCAL_AUTHORITY"};
    private static final int[] AGENCY_WEIGHTS = {4, 3, 2, 1, 1, 1};
    private static final String[] CONCERNS = {
            "Simulated: the agency thinks the threshold for a child and family assessment is met; the hub chose early help.",
            "Simulated: the hub asked for the agency's records and consent was refused.",
            "Simulated: the agency disagrees with no further action after its referral.",
            "Simulated: the hub thinks the agency should lead early help; the agency thinks it is the hub's.",
            "Simulated: the agency did not attend the strategy discussion the hub convened."};
    private static final String[] NOTES = {
            "Simulated: practitioners could not agree.",
            "Simulated: no answer from the agency's manager within the protocol's time."};
    private static final String[] RESOLUTIONS = {
            "Simulated: agreed after a call between managers; the decision stands.",
            "Simulated: the agency shared its records; the referral was stepped up.",
            "Simulated: agreed at a professionals' meeting to offer early help."};
    private static final String[] ANSWERS = {"MET", "PARTLY_MET", "NOT_MET", "NOT_APPLICABLE"};
    private static final int[] ANSWER_WEIGHTS = {60, 25, 10, 5};
    private static final Map<String, String> FEEDBACK = Map.of(
            "OUTSTANDING", "Simulated: a clear, well-evidenced decision; the child's own words are there.",
            "GOOD", "Simulated: a sound decision; record who was consulted and when.",
            "REQUIRES_IMPROVEMENT", "Simulated: say how consent was handled and why the threshold is met.",
            "INADEQUATE", "Simulated: the rationale does not support the outcome; discuss in supervision.");

    private QualityPlan() {
    }

    /** A referral the demo may disagree about. */
    record Referral(String reference, Instant receivedAt) {
    }

    /** A step after raising: a later stage ({@code MANAGER}, {@code HEAD_OF_SERVICE}) with a note. */
    record Step(String stage, Instant at, String note) {
    }

    /** A disagreement as the demo hub has it: raised, escalated, perhaps resolved. */
    record Disagreement(String reference, String agency, String raisedBy, String concern, Instant raisedAt,
                        List<Step> steps, Instant resolvedAt, String resolution) {

        /** Where it stands once every step up to {@code at} is taken. */
        String stageAt(Instant at) {
            return steps.stream().filter(step -> !step.at().isAfter(at)).reduce((a, b) -> b).map(Step::stage)
                    .orElse("PRACTITIONER");
        }
    }

    /** A grade of a sampled decision. */
    record Grade(String reference, Map<String, String> answers, String grade, String feedback) {
    }

    /**
     * The disagreements about {@code referrals}: about one in {@link #ONE_IN}, at least {@link #FEWEST}
     * (or all, when fewer) and at most {@link #MOST}, in the referrals' order.
     */
    static List<Disagreement> disagreements(long seed, List<Referral> referrals) {
        var random = new SplittableRandom(seed ^ DISAGREEMENTS);
        var ordered = referrals.stream().sorted(Comparator.comparing(Referral::reference)).toList();
        int count = Math.min(ordered.size(), Math.max(FEWEST, Math.min(MOST, Math.round(ordered.size() / (float) ONE_IN))));
        var indices = new ArrayList<Integer>();
        for (int i = 0; i < ordered.size(); i++) {
            indices.add(i);
        }
        for (int i = indices.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            var swap = indices.get(i);
            indices.set(i, indices.get(j));
            indices.set(j, swap);
        }
        var chosen = indices.subList(0, count).stream().sorted().toList();
        var planned = new ArrayList<Disagreement>();
        int offset = random.nextInt(4);
        for (int index : chosen) {
            var referral = ordered.get(index);
            String agency = AGENCIES[weighted(random, AGENCY_WEIGHTS)];
            String side = random.nextDouble() < 0.6 ? "AGENCY" : "HUB";
            String concern = CONCERNS[random.nextInt(CONCERNS.length)];
            Instant raised = referral.receivedAt().plus(hours(random, 2, 26));
            var steps = new ArrayList<Step>();
            Instant last = raised;
            // the fates take turns, from a place the seed picks, so any three give an open one, an
            // escalated one and a resolved one: resolved between practitioners; open with managers;
            // open with heads of service; resolved by managers
            int fate = (offset + planned.size()) % 4;
            if (fate >= 1) {
                last = last.plus(hours(random, 20, 44));
                steps.add(new Step("MANAGER", last, NOTES[random.nextInt(NOTES.length)]));
            }
            if (fate == 2) {
                last = last.plus(hours(random, 20, 44));
                steps.add(new Step("HEAD_OF_SERVICE", last, NOTES[random.nextInt(NOTES.length)]));
            }
            boolean resolved = fate == 0 || fate == 3;
            Instant resolvedAt = resolved ? last.plus(hours(random, 4, 30)) : null;
            planned.add(new Disagreement(referral.reference(), agency, side, concern, raised, List.copyOf(steps),
                    resolvedAt, resolved ? RESOLUTIONS[random.nextInt(RESOLUTIONS.length)] : null));
        }
        return planned;
    }

    /** The seed the demo draws the sample of {@code week} with. */
    static long sampleSeed(long seed, String week) {
        return new SplittableRandom(seed ^ week.hashCode()).nextLong();
    }

    /**
     * The grades of a week's sampled decisions ({@code sampled}, by reference): about two in three, at
     * least one, each item of {@code checklist} answered and an overall grade that follows the answers.
     */
    static List<Grade> grades(long seed, String week, List<String> sampled, List<String> checklist) {
        var random = new SplittableRandom(seed ^ GRADES ^ week.hashCode());
        var grades = new ArrayList<Grade>();
        var ordered = sampled.stream().sorted().toList();
        for (int i = 0; i < ordered.size(); i++) {
            boolean graded = random.nextDouble() < 2 / 3.0;
            var answers = new LinkedHashMap<String, String>();
            int notMet = 0;
            int partly = 0;
            for (String item : checklist) {
                String answer = ANSWERS[weighted(random, ANSWER_WEIGHTS)];
                answers.put(item, answer);
                notMet += answer.equals("NOT_MET") ? 1 : 0;
                partly += answer.equals("PARTLY_MET") ? 1 : 0;
            }
            if (!graded && !(i == ordered.size() - 1 && grades.isEmpty())) {
                continue;
            }
            String grade = notMet >= 2 ? "INADEQUATE" : notMet == 1 || partly >= 2 ? "REQUIRES_IMPROVEMENT"
                    : partly == 0 ? "OUTSTANDING" : "GOOD";
            grades.add(new Grade(ordered.get(i), Map.copyOf(answers), grade, FEEDBACK.get(grade)));
        }
        return grades;
    }

    private static Duration hours(SplittableRandom random, int from, int to) {
        return Duration.ofMinutes(from * 60L + random.nextInt((to - from) * 60));
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}

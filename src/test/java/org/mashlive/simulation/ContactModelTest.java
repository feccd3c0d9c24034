package org.mashlive.simulation;

import org.mashlive.TestZone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.referral.Child;

class ContactModelTest {

    static final int SAMPLE = 50_000;
    /** A Monday. */
    static final Instant START = LocalDate.of(2026, 3, 2).atStartOfDay(TestZone.LONDON).toInstant();

    static List<Contact> contacts;

    @BeforeAll
    static void generate() {
        contacts = generate(ContactModel.seeded(20260302L, 15_000, Set.of()), SAMPLE);
    }

    static List<Contact> generate(ContactModel model, int count) {
        var out = new ArrayList<Contact>(count);
        Instant at = START;
        for (int i = 0; i < count; i++) {
            at = model.nextArrival(at);
            out.add(model.nextContact(at));
        }
        return out;
    }

    static double share(Predicate<Contact> which) {
        return (double) contacts.stream().filter(which).count() / contacts.size();
    }

    @Test
    void sourcesShareAsAtALondonFrontDoor() {
        var shares = new EnumMap<Source, Double>(Source.class);
        for (Source source : Source.values()) {
            shares.put(source, share(c -> c.referral().source() == source));
        }
        assertThat(shares.get(Source.POLICE)).isBetween(0.28, 0.33);
        assertThat(shares.get(Source.HEALTH)).isBetween(0.18, 0.22);
        assertThat(shares.get(Source.EDUCATION)).isBetween(0.13, 0.17);
        assertThat(shares.get(Source.POLICE)).isGreaterThan(shares.get(Source.HEALTH));
        assertThat(shares.get(Source.HEALTH)).isGreaterThan(shares.get(Source.EDUCATION));
        for (Source other : List.of(Source.FAMILY_SELF, Source.VOLUNTARY, Source.OTHER_LOCAL_AUTHORITY,
                Source.BORDER_FORCE)) {
            assertThat(shares.get(other)).as(other.name()).isGreaterThan(0.01).isLessThan(shares.get(Source.EDUCATION));
        }
    }

    @Test
    void contactsPerYearAsConfigured() {
        Duration span = Duration.between(START, contacts.getLast().at());
        double years = span.toSeconds() / (365.25 * 24 * 3600);
        assertThat(SAMPLE / years).isBetween(14_500.0, 15_500.0);
    }

    @Test
    void aboutOneContactInFiveIsAChildSeenBefore() {
        assertThat(share(Contact::reReferral)).isBetween(0.19, 0.25);
        // a re-referral is the same child: same names and date of birth as an earlier contact
        Set<Child> seen = new HashSet<>();
        for (Contact contact : contacts) {
            Child child = contact.referral().named().getFirst();
            if (contact.reReferral()) {
                // the set's own lookup: AssertJ's contains would walk all the children seen for each
                assertThat(seen.contains(child)).as("%s seen before", child).isTrue();
            }
            seen.addAll(contact.referral().named());
        }
        assertThat(seen.size()).isGreaterThan(SAMPLE * 3 / 4);
    }

    @Test
    void aboutAThirdOfPoliceNotificationsNameSeveralChildrenOfOneHousehold() {
        var police = contacts.stream().filter(c -> c.referral().channel() == Channel.POLICE_NOTIFICATION).toList();
        var households = police.stream().filter(c -> c.referral().named().size() > 1).toList();
        assertThat((double) households.size() / police.size()).isBetween(0.29, 0.37);
        for (var contact : households) {
            var named = contact.referral().named();
            assertThat(named).hasSizeBetween(2, 4);
            assertThat(named).extracting(Child::lastName).containsOnly(named.getFirst().lastName());
            assertThat(named).extracting(Child::firstName).doesNotHaveDuplicates();
        }
        // nothing but police notifications names a household
        assertThat(contacts).filteredOn(c -> c.referral().channel() != Channel.POLICE_NOTIFICATION)
                .allMatch(c -> c.referral().named().size() == 1);
    }

    @Test
    void someChildrenAreUnbornOrOfUnknownAgeAndMostContactsNameWhoReferred() {
        long unborn = contacts.stream().filter(c -> c.referral().named().getFirst().unborn()).count();
        long estimated = contacts.stream().filter(c -> c.referral().named().getFirst().estimatedAge() != null).count();
        assertThat(unborn).isBetween(SAMPLE / 200L, SAMPLE / 40L);
        assertThat(estimated).isBetween(SAMPLE / 400L, SAMPLE / 40L);
        assertThat(share(c -> c.referral().referrer() != null)).isBetween(0.9, 0.99);
        assertThat(contacts).filteredOn(c -> c.referral().source() == Source.POLICE)
                .allMatch(c -> c.referral().policeRiskLevel() != null);
        assertThat(contacts).filteredOn(c -> c.referral().source() != Source.POLICE)
                .allMatch(c -> c.referral().policeRiskLevel() == null);
    }

    static Rag firstRag(Contact contact) {
        return contact.referral().rag() != null ? contact.referral().rag() : contact.plan().firstRating().orElseThrow();
    }

    @Test
    void ragAtScreeningMostlyAmberAndGreen() {
        assertThat(share(c -> firstRag(c) == Rag.RED)).isBetween(0.10, 0.15);
        assertThat(share(c -> firstRag(c) == Rag.AMBER)).isBetween(0.35, 0.45);
        assertThat(share(c -> firstRag(c) == Rag.GREEN)).isBetween(0.40, 0.55);
        // some are rated at intake (high-risk MERLINs), some re-rated later with a reason
        assertThat(share(c -> c.referral().rag() != null)).isBetween(0.01, 0.06);
        assertThat(share(c -> c.plan().ratings() + (c.referral().rag() == null ? 0 : 1) > 1)).isBetween(0.04, 0.15);
    }

    @Test
    void decisionsAsInDevonsFirstMash() {
        Predicate<Contact> socialCare = c -> c.plan().outcome().orElseThrow() == Outcome.ASSESSMENT_S17
                || c.plan().outcome().orElseThrow() == Outcome.STRATEGY_S47;
        assertThat(share(socialCare)).isBetween(0.44, 0.52);
        assertThat(share(c -> c.plan().outcome().orElseThrow() == Outcome.EARLY_HELP)).isBetween(0.21, 0.27);
        for (Outcome rest : List.of(Outcome.ADVICE_SIGNPOSTING, Outcome.NO_FURTHER_ACTION, Outcome.POLICE_ONLY)) {
            assertThat(share(c -> c.plan().outcome().orElseThrow() == rest)).as(rest.name()).isBetween(0.02, 0.15);
        }
    }

    @Test
    void everyPlanScreensThenDecidesInStageOrder() {
        for (Contact contact : contacts) {
            var steps = contact.plan().steps();
            assertThat(steps.getLast().action()).isInstanceOf(Plan.Decide.class);
            assertThat(steps.getFirst().action()).isEqualTo(new Plan.Move(Stage.SCREENING));
            Stage stage = Stage.RECEIVED;
            for (var step : steps.subList(0, steps.size() - 1)) {
                if (step.action() instanceof Plan.Move move) {
                    assertThat(move.stage().ordinal()).isGreaterThan(stage.ordinal());
                    stage = move.stage();
                }
                if (step.action() instanceof Plan.Rate rate) {
                    assertThat(rate.reason()).isNotBlank();
                }
            }
            assertThat(stage).isEqualTo(Stage.AWAITING_DECISION);
        }
        assertThat(share(c -> c.plan().steps().stream()
                .anyMatch(s -> s.action().equals(new Plan.Move(Stage.INFORMATION_GATHERING)))))
                .isBetween(0.5, 0.7);
    }

    static double meanHours(Rag rag) {
        return contacts.stream().filter(c -> firstRag(c) == rag)
                .mapToDouble(c -> c.plan().decidedAfter().orElseThrow().toSeconds() / 3600.0).average().orElseThrow();
    }

    @Test
    void redIsDecidedWithinHoursAndSoonerThanGreen() {
        assertThat(meanHours(Rag.RED)).isLessThan(meanHours(Rag.AMBER));
        assertThat(meanHours(Rag.AMBER)).isLessThan(meanHours(Rag.GREEN));
        var reds = contacts.stream().filter(c -> firstRag(c) == Rag.RED).toList();
        long withinFourHours = reds.stream()
                .filter(c -> c.plan().decidedAfter().orElseThrow().compareTo(Duration.ofHours(4)) <= 0).count();
        assertThat((double) withinFourHours / reds.size()).isBetween(0.85, 0.995);
    }

    @Test
    void mostDecidedWithinOneWorkingDayAFewWaitLongEnoughToBreach() {
        var core = CoreHours.standard(Set.of());
        double withinWorkingDay = share(c -> {
            var received = LocalDateTime.ofInstant(c.at(), TestZone.LONDON);
            var decided = LocalDateTime.ofInstant(c.at().plus(c.plan().decidedAfter().orElseThrow()), TestZone.LONDON);
            return !decided.isAfter(core.plus(received, Duration.ofMinutes(495)));
        });
        assertThat(withinWorkingDay).isBetween(0.6, 0.9);
        // Amber over 24 and Green over 72 elapsed hours: past the interim timescales
        double breaching = share(c -> {
            Duration took = c.plan().decidedAfter().orElseThrow();
            return firstRag(c) == Rag.AMBER && took.toHours() >= 24 || firstRag(c) == Rag.GREEN && took.toHours() >= 72;
        });
        assertThat(breaching).isBetween(0.01, 0.25);
    }

    @Test
    void moreArriveOnAWeekdayMorningThanAtNightOrAtTheWeekend() {
        var model = ContactModel.seeded(1, 15_000, Set.of());
        var monday = LocalDate.of(2026, 3, 2);
        var saturday = monday.plusDays(5);
        double weekdayTen = model.arrivalsPerHour(monday.atTime(10, 0));
        double weekdayThree = model.arrivalsPerHour(monday.atTime(3, 0));
        assertThat(weekdayTen).isGreaterThan(weekdayThree);
        assertThat(weekdayThree).isGreaterThan(0);
        assertThat(model.arrivalsPerHour(saturday.atTime(10, 0))).isLessThan(weekdayTen);
        assertThat(model.arrivalsPerHour(saturday.atTime(3, 0))).isGreaterThan(0);
        assertThat(model.expectedOn(saturday)).isLessThan(model.expectedOn(monday) / 2);
        // peaks mid-morning and early afternoon, with a dip at lunch
        assertThat(model.arrivalsPerHour(monday.atTime(12, 30))).isLessThan(weekdayTen)
                .isLessThan(model.arrivalsPerHour(monday.atTime(14, 0)));
    }

    @Test
    void bankHolidaysRunLikeASunday() {
        var easterMonday = LocalDate.of(2026, 4, 6);
        var holidays = ContactModel.seeded(1, 15_000, Set.of(easterMonday));
        var ordinary = ContactModel.seeded(1, 15_000, Set.of());
        assertThat(holidays.expectedOn(easterMonday)).isLessThan(ordinary.expectedOn(easterMonday) / 2)
                .isCloseTo(holidays.expectedOn(easterMonday.minusDays(1)), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void sameSeedSameDayDifferentSeedAnotherDay() {
        var once = generate(ContactModel.seeded(7, 15_000, Set.of()), 300);
        var again = generate(ContactModel.seeded(7, 15_000, Set.of()), 300);
        var other = generate(ContactModel.seeded(8, 15_000, Set.of()), 300);
        assertThat(again).isEqualTo(once);
        assertThat(other).isNotEqualTo(once);
        assertThat(other.getFirst()).isNotEqualTo(once.getFirst());
    }

    @Test
    void picksUpALeftOverReferralWhereItStands() {
        var model = ContactModel.seeded(3, 15_000, Set.of());
        var now = START.plus(Duration.ofHours(11));
        var awaiting = model.planFrom(Stage.AWAITING_DECISION, Rag.AMBER, now);
        assertThat(awaiting.steps()).hasSize(1);
        assertThat(awaiting.steps().getFirst().action()).isInstanceOf(Plan.Decide.class);

        var unrated = model.planFrom(Stage.SCREENING, null, now);
        assertThat(unrated.steps().getFirst().action()).isInstanceOf(Plan.Rate.class);
        assertThat(unrated.steps()).noneMatch(s -> s.action().equals(new Plan.Move(Stage.SCREENING)));

        var received = model.planFrom(Stage.RECEIVED, Rag.RED, now);
        assertThat(received.steps().getFirst().action()).isEqualTo(new Plan.Move(Stage.SCREENING));
        // already rated Red: only a re-rating may follow, and that lowers it
        assertThat(received.ratings()).isLessThanOrEqualTo(1);
        received.firstRating().ifPresent(rag -> assertThat(rag).isEqualTo(Rag.AMBER));
        assertThat(received.decidedAfter().orElseThrow()).isLessThan(Duration.ofHours(12));
    }

    @Test
    void contactsByHourFollowTheCurve() {
        Map<Integer, Integer> weekdayByHour = new java.util.TreeMap<>();
        for (Contact contact : contacts) {
            var local = LocalDateTime.ofInstant(contact.at(), TestZone.LONDON);
            if (local.getDayOfWeek().getValue() <= 5) {
                weekdayByHour.merge(local.getHour(), 1, Integer::sum);
            }
        }
        assertThat(weekdayByHour.get(10)).isGreaterThan(3 * weekdayByHour.get(3));
        assertThat(weekdayByHour.get(3)).isPositive();
    }
}

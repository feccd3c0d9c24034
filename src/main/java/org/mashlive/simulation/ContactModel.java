package org.mashlive.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.referral.Child;
import org.mashlive.referral.Consent;
import org.mashlive.referral.HealthType;
import org.mashlive.referral.NewReferral;
import org.mashlive.referral.PoliceRisk;
import org.mashlive.referral.Referrer;

/**
 * The demo day's model: when contacts arrive, what they say, and how screening moves them to a
 * decision. Pure: no I/O and no clock; every draw comes from the one generator it is given, so
 * the same seed and the same calls give the same contacts and plans.
 *
 * <p>Where the numbers come from: source shares and hourly shapes in {@link DemandCurve}; the
 * re-referral share is the national figure (22%); outcome shares follow Devon's first MASH (48%
 * to a social care response, 24% to early help); RAG shares and screening times are a plausible
 * hub's (Red 12%, Amber 40%, Green 48%; Red decided within hours, most others within a working
 * day, a few waiting on a slow partner long enough to breach).
 *
 * <p>Not thread-safe on its own; its methods are synchronised so a runner may call it from
 * timer and database threads, one call at a time.
 */
final class ContactModel {

    /** Share of contacts about a child seen before (national re-referral rate). */
    static final double RE_REFERRAL = 0.22;

    /**
     * How many recent children are kept for re-referrals: about four months of new children at
     * 15,000 contacts a year, well inside the 12 months that make a contact a re-referral.
     */
    static final int REMEMBERED = 4000;

    /**
     * Re-referrals start once this many children are known, so that a fresh run does not send
     * the same few children round again in its first hours.
     */
    static final int FIRST_CHILDREN = 100;

    static final Distribution<Rag> RAG = Distribution.of(Rag.RED, 0.12).or(Rag.AMBER, 0.40).or(Rag.GREEN, 0.48)
            .build();

    /** Outcome by the RAG at decision: together about 48% social care, 24% early help. */
    static final Map<Rag, Distribution<Outcome>> OUTCOMES = Map.of(
            Rag.RED, Distribution.of(Outcome.STRATEGY_S47, 0.55).or(Outcome.ASSESSMENT_S17, 0.35)
                    .or(Outcome.EARLY_HELP, 0.03).or(Outcome.POLICE_ONLY, 0.05).or(Outcome.NO_FURTHER_ACTION, 0.02)
                    .build(),
            Rag.AMBER, Distribution.of(Outcome.ASSESSMENT_S17, 0.48).or(Outcome.STRATEGY_S47, 0.12)
                    .or(Outcome.EARLY_HELP, 0.24).or(Outcome.ADVICE_SIGNPOSTING, 0.07).or(Outcome.POLICE_ONLY, 0.04)
                    .or(Outcome.NO_FURTHER_ACTION, 0.05).build(),
            Rag.GREEN, Distribution.of(Outcome.ASSESSMENT_S17, 0.26).or(Outcome.STRATEGY_S47, 0.02)
                    .or(Outcome.EARLY_HELP, 0.30).or(Outcome.ADVICE_SIGNPOSTING, 0.22)
                    .or(Outcome.NO_FURTHER_ACTION, 0.12).or(Outcome.POLICE_ONLY, 0.08).build());

    private static final Map<Source, Distribution<Channel>> CHANNELS = new EnumMap<>(Map.of(
            Source.POLICE, Distribution.of(Channel.POLICE_NOTIFICATION, 0.90).or(Channel.EMAIL, 0.06)
                    .or(Channel.PHONE, 0.04).build(),
            Source.HEALTH, Distribution.of(Channel.PORTAL, 0.45).or(Channel.EMAIL, 0.40).or(Channel.PHONE, 0.15)
                    .build(),
            Source.EDUCATION, Distribution.of(Channel.PORTAL, 0.55).or(Channel.EMAIL, 0.30).or(Channel.PHONE, 0.15)
                    .build(),
            Source.FAMILY_SELF, Distribution.of(Channel.PHONE, 0.70).or(Channel.PORTAL, 0.20).or(Channel.EMAIL, 0.10)
                    .build(),
            Source.VOLUNTARY, Distribution.of(Channel.PORTAL, 0.45).or(Channel.EMAIL, 0.40).or(Channel.PHONE, 0.15)
                    .build(),
            Source.OTHER_LOCAL_AUTHORITY, Distribution.of(Channel.EMAIL, 0.70).or(Channel.PHONE, 0.20)
                    .or(Channel.PORTAL, 0.10).build(),
            Source.BORDER_FORCE, Distribution.of(Channel.EMAIL, 0.65).or(Channel.PHONE, 0.35).build()));

    private static final Distribution<HealthType> HEALTH_TYPES = Distribution.of(HealthType.ACUTE_TRUST, 0.30)
            .or(HealthType.GP, 0.15).or(HealthType.COMMUNITY_HEALTH_VISITING, 0.18).or(HealthType.SCHOOL_NURSING, 0.10)
            .or(HealthType.CHILD_DEVELOPMENT_CENTRE, 0.05).or(HealthType.THERAPIES, 0.05).or(HealthType.CAMHS, 0.17)
            .build();

    /** Police notifications are shared without consent more often than not. */
    private static final Distribution<Consent> POLICE_CONSENT = Distribution.of(Consent.NOT_SOUGHT, 0.70)
            .or(Consent.GIVEN, 0.12).or(Consent.OVERRIDDEN, 0.15).or(Consent.REFUSED, 0.03).build();
    private static final Distribution<Consent> FAMILY_CONSENT = Distribution.of(Consent.GIVEN, 0.92)
            .or(Consent.NOT_SOUGHT, 0.05).or(Consent.REFUSED, 0.03).build();
    private static final Distribution<Consent> BORDER_CONSENT = Distribution.of(Consent.NOT_SOUGHT, 0.60)
            .or(Consent.OVERRIDDEN, 0.25).or(Consent.GIVEN, 0.15).build();
    private static final Distribution<Consent> PROFESSIONAL_CONSENT = Distribution.of(Consent.GIVEN, 0.70)
            .or(Consent.NOT_SOUGHT, 0.10).or(Consent.REFUSED, 0.08).or(Consent.OVERRIDDEN, 0.12).build();

    /** Relative numbers of contacts by the child's age: babies and teenagers most. */
    private static final double[] AGE = {9, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5.5, 6, 6.5, 7, 7.5, 7, 6, 4};

    /**
     * Share of police notifications that name more than one child of the household; drawn for
     * notifications about a child not seen before, so that share of them is this over the share
     * of children not seen before.
     */
    static final double SIBLING_GROUP = 1.0 / 3;
    /** How many more children a household notification names: one, two or three siblings. */
    private static final Distribution<Integer> SIBLINGS = Distribution.of(1, 0.60).or(2, 0.30).or(3, 0.10).build();
    /** Share of health visiting and hospital contacts about an unborn child (a pre-birth concern). */
    static final double UNBORN = 0.15;
    /** Share of family, voluntary and police phone or email contacts whose caller does not know the child's date of birth. */
    static final double AGE_UNKNOWN = 0.08;
    /** Share of family and self contacts made without giving a name. */
    private static final double ANONYMOUS = 0.25;
    private static final Distribution<PoliceRisk> POLICE_RISK = Distribution.of(PoliceRisk.STANDARD, 0.55)
            .or(PoliceRisk.MEDIUM, 0.35).or(PoliceRisk.HIGH, 0.10).build();

    /** Share of police contacts whose MERLIN is high risk and arrives already rated Red, of those that are Red. */
    private static final double RED_AT_INTAKE = 0.5;
    private static final double RE_RATED = 0.15;
    private static final double SLOW_PARTNER = 0.05;

    private final RandomGenerator random;
    private final DemandCurve demand;
    private final CoreHours core;
    private final List<Child> children = new ArrayList<>();
    private int nextSlot;
    private int merlinYear;
    private long lastMerlin;

    ContactModel(RandomGenerator random, DemandCurve demand, CoreHours core) {
        this.random = random;
        this.demand = demand;
        this.core = core;
    }

    /** A London borough front door with {@code contactsPerYear}, drawing from {@code seed}. */
    static ContactModel seeded(long seed, double contactsPerYear, Set<LocalDate> bankHolidays) {
        return seeded(seed, contactsPerYear, CoreHours.standard(bankHolidays));
    }

    /** A London borough's pattern of demand, in the core hours (and zone) of {@code core}. */
    static ContactModel seeded(long seed, double contactsPerYear, CoreHours core) {
        return new ContactModel(new SplittableRandom(seed),
                new DemandCurve(contactsPerYear, DemandCurve.LONDON_BOROUGH, core.bankHolidays()), core);
    }

    /** Expected contacts per hour at London local time {@code at}. */
    double arrivalsPerHour(LocalDateTime at) {
        return demand.arrivalsPerHour(at);
    }

    /** Expected contacts on London local {@code day}. */
    double expectedOn(LocalDate day) {
        return demand.expectedOn(day);
    }

    /**
     * The next arrival strictly after {@code after}, drawn by thinning: candidates at the peak
     * rate, each kept with the probability of the rate at its time over the peak.
     */
    synchronized Instant nextArrival(Instant after) {
        double peak = demand.peakPerHour();
        Instant at = after;
        while (true) {
            long nanos = Math.max(1, (long) (random.nextExponential() / peak * 3_600_000_000_000.0));
            at = at.plusNanos(nanos);
            if (random.nextDouble() * peak < demand.arrivalsPerHour(local(at))) {
                return at;
            }
        }
    }

    /** A contact arriving at {@code at}, with its screening plan from that moment. */
    synchronized Contact nextContact(Instant at) {
        LocalDateTime local = local(at);
        Source source = demand.sourceAt(local, random);
        HealthType healthType = source == Source.HEALTH ? HEALTH_TYPES.sample(random) : null;
        Child child = random.nextDouble() < RE_REFERRAL && children.size() >= FIRST_CHILDREN
                ? earlierChild(local.toLocalDate())
                : null;
        boolean again = child != null;
        if (!again) {
            child = newChild(source, healthType, local);
        }
        Channel channel = CHANNELS.get(source).sample(random);
        LocalDate today = local.toLocalDate();
        // a household, or a child not fully known: drawn here, so the concern and flags fit the child given
        List<Child> household = channel == Channel.POLICE_NOTIFICATION && !again
                && random.nextDouble() < SIBLING_GROUP / (1 - RE_REFERRAL) ? household(child, today) : null;
        Child given = again || household != null ? child : partlyKnown(source, healthType, channel, child, today);
        if (!again && given == child) {
            // a child given in part is not one a later contact names in full as "seen before" here
            remember(child);
        }
        int age = given.dateOfBirth() != null ? (int) ChronoUnit.YEARS.between(given.dateOfBirth(), today)
                : given.estimatedAge() != null ? given.estimatedAge() : 0;
        Set<Flag> flags = flags(source, healthType, age);
        Consent consent = consent(source);
        String overrideReason = consent == Consent.OVERRIDDEN ? pick(Phrases.CONSENT_OVERRIDES) : null;
        String concern = pick(Phrases.CONCERNS.get(source).stream().filter(phrase -> Phrases.fitsAge(phrase, age))
                .toList());
        String externalRef = channel == Channel.POLICE_NOTIFICATION ? merlin(at) : null;
        Rag truth = RAG.sample(random);
        Rag atIntake = channel == Channel.POLICE_NOTIFICATION && truth == Rag.RED && random.nextDouble() < RED_AT_INTAKE
                ? Rag.RED
                : null;
        PoliceRisk risk = source == Source.POLICE ? POLICE_RISK.sample(random) : null;
        var referral = new NewReferral(externalRef, channel, source, healthType, null,
                household == null ? given : null, household, concern, atIntake, flags, consent, overrideReason,
                referrer(source, healthType), risk);
        return new Contact(at, referral, again, plan(Stage.RECEIVED, atIntake, truth, at));
    }

    /**
     * The rest of the way to a decision for a referral in {@code stage}, rated {@code rated} (null:
     * not yet), counted from {@code origin}: for referrals left open by an earlier run.
     */
    synchronized Plan planFrom(Stage stage, Rag rated, Instant origin) {
        if (!stage.open()) {
            throw new IllegalArgumentException("a decided referral has nothing left to plan");
        }
        return plan(stage, rated, rated != null ? rated : RAG.sample(random), origin);
    }

    /** Keeps {@code child} among the recent children that re-referrals are drawn from. */
    synchronized void remember(Child child) {
        if (children.size() < REMEMBERED) {
            children.add(child);
        } else {
            children.set(nextSlot, child);
            nextSlot = (nextSlot + 1) % REMEMBERED;
        }
    }

    /** A child seen before who is still under 18 on {@code day}, if one turns up in a few tries. */
    private Child earlierChild(LocalDate day) {
        for (int i = 0; i < 3 && !children.isEmpty(); i++) {
            Child child = children.get(random.nextInt(children.size()));
            if (ChronoUnit.YEARS.between(child.dateOfBirth(), day) < 18) {
                return child;
            }
        }
        return null;
    }

    private Plan plan(Stage from, Rag rated, Rag truth, Instant origin) {
        var steps = new ArrayList<Plan.Step>();
        Rag rag = truth;
        boolean urgent = rag == Rag.RED;
        Stage stage = from;
        Instant at = origin;
        if (stage == Stage.RECEIVED) {
            at = advance(at, urgent, urgent ? minutes(15, 0.6, 60) : minutes(50, 1.0, 360));
            steps.add(step(origin, at, new Plan.Move(Stage.SCREENING)));
            stage = Stage.SCREENING;
        }
        if (rated == null) {
            at = advance(at, urgent, urgent ? minutes(5, 0.5, 30) : minutes(15, 0.6, 90));
            steps.add(step(origin, at, new Plan.Rate(rag, pick(Phrases.RATING_REASONS.get(rag)))));
        }
        if (stage == Stage.SCREENING && random.nextDouble() < gatheringChance(rag)) {
            at = advance(at, urgent, minutes(5, 0.5, 30));
            steps.add(step(origin, at, new Plan.Move(Stage.INFORMATION_GATHERING)));
            stage = Stage.INFORMATION_GATHERING;
        }
        if (stage == Stage.INFORMATION_GATHERING) {
            at = advance(at, urgent, gathering(rag));
            if (random.nextDouble() < RE_RATED) {
                Rag changed = reRate(rag);
                boolean raised = changed.ordinal() < rag.ordinal();
                steps.add(step(origin, at, new Plan.Rate(changed, pick(raised ? Phrases.RAISED : Phrases.LOWERED))));
                rag = changed;
                urgent = rag == Rag.RED;
            }
        }
        if (stage != Stage.AWAITING_DECISION) {
            at = advance(at, urgent, minutes(10, 0.5, 60));
            steps.add(step(origin, at, new Plan.Move(Stage.AWAITING_DECISION)));
        }
        at = advance(at, urgent, switch (rag) {
            case RED -> minutes(20, 0.6, 120);
            case AMBER -> minutes(60, 0.8, 480);
            case GREEN -> minutes(120, 0.9, 900);
        });
        steps.add(step(origin, at, new Plan.Decide(OUTCOMES.get(rag).sample(random))));
        return new Plan(steps);
    }

    private static double gatheringChance(Rag rag) {
        return switch (rag) {
            case RED -> 0.55;
            case AMBER -> 0.75;
            case GREEN -> 0.45;
        };
    }

    /** Time spent waiting on partners; now and then a partner is slow (a known failure). */
    private Duration gathering(Rag rag) {
        Duration usual = switch (rag) {
            case RED -> minutes(60, 0.6, 240);
            case AMBER -> minutes(180, 0.8, 900);
            case GREEN -> minutes(300, 0.9, 1200);
        };
        return rag != Rag.RED && random.nextDouble() < SLOW_PARTNER ? usual.multipliedBy(5) : usual;
    }

    private Rag reRate(Rag rag) {
        return switch (rag) {
            case RED, GREEN -> Rag.AMBER;
            case AMBER -> random.nextDouble() < 0.4 ? Rag.RED : Rag.GREEN;
        };
    }

    /** Red is worked round the clock; everything else moves on in core hours only. */
    private Instant advance(Instant from, boolean urgent, Duration work) {
        if (urgent) {
            return from.plus(work);
        }
        Instant to = core.plus(local(from), work).atZone(core.zone()).toInstant();
        return to.isBefore(from) ? from : to;
    }

    /** A log-normal duration around {@code median} minutes, at least one minute and at most {@code cap}. */
    private Duration minutes(double median, double sigma, double cap) {
        double minutes = Math.min(cap, median * Math.exp(sigma * random.nextGaussian()));
        return Duration.ofSeconds(Math.max(60, Math.round(minutes * 60)));
    }

    private static Plan.Step step(Instant origin, Instant at, Plan.Action action) {
        return new Plan.Step(Duration.between(origin, at), action);
    }

    private Child newChild(Source source, HealthType healthType, LocalDateTime at) {
        int[] ages = ages(source, healthType);
        double total = 0;
        for (int age = ages[0]; age <= ages[1]; age++) {
            total += AGE[age];
        }
        double u = random.nextDouble() * total;
        int age = ages[0];
        while (age < ages[1] && (u -= AGE[age]) >= 0) {
            age++;
        }
        LocalDate today = at.toLocalDate();
        LocalDate born = today.minusYears(age).minusDays(random.nextInt(365));
        return new Child(pick(Phrases.FIRST_NAMES), pick(Phrases.LAST_NAMES), born.isAfter(today) ? today : born);
    }

    /** {@code child} and one to three brothers and sisters of other ages, each remembered for re-referrals. */
    private List<Child> household(Child child, LocalDate today) {
        var household = new ArrayList<Child>();
        household.add(child);
        int more = SIBLINGS.sample(random);
        while (household.size() <= more) {
            String first = pick(Phrases.FIRST_NAMES);
            if (household.stream().anyMatch(known -> known.firstName().equals(first))) {
                continue;
            }
            LocalDate born = today.minusYears(random.nextInt(18)).minusDays(random.nextInt(365));
            var sibling = new Child(first, child.lastName(), born.isAfter(today) ? today : born);
            remember(sibling);
            household.add(sibling);
        }
        return household;
    }

    /**
     * The child as the caller knows it: an unborn baby for some health visiting and hospital
     * contacts, only an estimated age (and sometimes no first name) for some callers who do not
     * know the family well, otherwise {@code child} as it is.
     */
    private Child partlyKnown(Source source, HealthType healthType, Channel channel, Child child, LocalDate today) {
        boolean maternity = healthType == HealthType.COMMUNITY_HEALTH_VISITING || healthType == HealthType.ACUTE_TRUST;
        if (maternity && random.nextDouble() < UNBORN) {
            return new Child(null, child.lastName(), null, null, today.plusDays(20 + random.nextInt(200)));
        }
        boolean byHand = channel == Channel.PHONE || channel == Channel.EMAIL;
        boolean layCaller = source == Source.FAMILY_SELF || source == Source.VOLUNTARY || source == Source.POLICE;
        if (byHand && layCaller && random.nextDouble() < AGE_UNKNOWN) {
            int age = (int) ChronoUnit.YEARS.between(child.dateOfBirth(), today);
            return new Child(random.nextBoolean() ? null : child.firstName(), child.lastName(), null,
                    Math.min(17, age), null);
        }
        return child;
    }

    /** Who made the contact, as the front door records them; some families give no name. */
    private Referrer referrer(Source source, HealthType healthType) {
        if (source == Source.FAMILY_SELF && random.nextDouble() < ANONYMOUS) {
            return null;
        }
        String name = pick(Phrases.FIRST_NAMES) + " " + pick(Phrases.LAST_NAMES);
        // Ofcom's numbers for drama: never a real line
        String phone = "01632 96" + String.format("%04d", random.nextInt(10_000));
        return switch (source) {
            case POLICE -> new Referrer("PC " + name, "Police constable", "Public protection unit", phone);
            case HEALTH -> new Referrer(name, switch (healthType == null ? HealthType.GP : healthType) {
                case GP -> "GP";
                case ACUTE_TRUST -> "Paediatric liaison nurse";
                case COMMUNITY_HEALTH_VISITING -> "Health visitor";
                case SCHOOL_NURSING -> "School nurse";
                case CHILD_DEVELOPMENT_CENTRE -> "Community paediatrician";
                case THERAPIES -> "Speech and language therapist";
                case CAMHS -> "CAMHS clinician";
            }, "NHS", phone);
            case EDUCATION -> new Referrer(name, "Designated safeguarding lead",
                    pick(List.of("Northgate Primary", "St Anne's CE Primary", "Riverside Academy", "Hillcrest High")),
                    phone);
            case FAMILY_SELF -> new Referrer(name, pick(List.of("Parent", "Grandparent", "Neighbour", "Young person")),
                    null, phone);
            case BORDER_FORCE -> new Referrer(name, "Border Force officer", "Border Force", phone);
            case VOLUNTARY -> new Referrer(name, "Family support worker", "Family Action", phone);
            case OTHER_LOCAL_AUTHORITY -> new Referrer(name, "Social worker", "Another local authority", phone);
        };
    }

    /** The youngest and oldest age a source sees. */
    private static int[] ages(Source source, HealthType healthType) {
        if (source == Source.EDUCATION) {
            return new int[] {4, 17};
        }
        if (healthType == null) {
            return new int[] {0, 17};
        }
        return switch (healthType) {
            case COMMUNITY_HEALTH_VISITING -> new int[] {0, 4};
            case CHILD_DEVELOPMENT_CENTRE -> new int[] {0, 5};
            case SCHOOL_NURSING -> new int[] {5, 17};
            default -> new int[] {0, 17};
        };
    }

    private Set<Flag> flags(Source source, HealthType healthType, int age) {
        var flags = EnumSet.noneOf(Flag.class);
        double domesticAbuse = switch (source) {
            case POLICE -> 0.45;
            case HEALTH -> 0.12;
            case EDUCATION -> 0.08;
            case BORDER_FORCE -> 0.03;
            default -> 0.15;
        };
        if (random.nextDouble() < domesticAbuse) {
            flags.add(Flag.DOMESTIC_ABUSE);
        }
        boolean development = healthType == HealthType.CHILD_DEVELOPMENT_CENTRE || healthType == HealthType.THERAPIES;
        // needs are rarely identified before two
        if (age >= 2) {
            double send = development ? 0.30 : source == Source.EDUCATION ? 0.15 : 0.07;
            if (random.nextDouble() < send) {
                flags.add(Flag.SEND);
            }
            double asd = development ? 0.25 : source == Source.EDUCATION ? 0.07 : 0.03;
            if (random.nextDouble() < asd) {
                flags.add(Flag.ASD_CONCERN);
            }
            if (random.nextDouble() < (flags.contains(Flag.SEND) ? 0.15 : 0.01)) {
                flags.add(Flag.NON_VERBAL);
            }
        }
        if (random.nextDouble() < (source == Source.BORDER_FORCE ? 0.85 : 0.03)) {
            flags.add(Flag.ASYLUM_SEEKING);
        }
        return flags;
    }

    private Consent consent(Source source) {
        var consents = switch (source) {
            case POLICE -> POLICE_CONSENT;
            case FAMILY_SELF -> FAMILY_CONSENT;
            case BORDER_FORCE -> BORDER_CONSENT;
            default -> PROFESSIONAL_CONSENT;
        };
        return consents.sample(random);
    }

    /**
     * A MERLIN-style reference, {@code MERLIN-26-0012345}: the year and a number that grows
     * through the year, as a force-wide sequence does, so references stay unique across runs too.
     */
    private String merlin(Instant at) {
        ZonedDateTime local = at.atZone(core.zone());
        long secondsIntoYear = Duration.between(local.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS), local)
                .toSeconds();
        long number = secondsIntoYear / 12 + random.nextInt(12);
        if (local.getYear() == merlinYear) {
            number = Math.max(number, lastMerlin + 1);
        }
        merlinYear = local.getYear();
        lastMerlin = number;
        return "MERLIN-%02d-%07d".formatted(local.getYear() % 100, number);
    }

    private String pick(List<String> phrases) {
        return phrases.get(random.nextInt(phrases.size()));
    }

    /** Local time in the hub's zone, where demand and core hours are wall-clock times. */
    private LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, core.zone());
    }
}

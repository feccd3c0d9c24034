package org.mashlive.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import org.mashlive.audit.Actor;
import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.partner.PartnerRequests;
import org.mashlive.partner.api.ChaseWay;
import org.mashlive.partner.api.PartnerRequestDetail;
import org.mashlive.platform.PostgresEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * The simulated hub's information requests to partners. About two referrals in five get one or two
 * requests a little after they arrive; each partner answers after a time typical of it (the police in
 * hours, schools in a day or so, health slower, GPs slowest), some say they hold nothing, and about one
 * in ten never answers. A request still waiting at its due time is chased, and chased again a day
 * later. A contact back-filled into the past has its requests, chases and answers at their past times;
 * a live one at the simulation's speed, like the rest of the demo day.
 */
@Component
class SimulatedPartners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPartners.class);
    static final Actor LEAD = SimulatedOversight.DECIDER;
    static final double ASKED = 0.4;
    static final double NEVER_ANSWERS = 0.1;
    static final double NOTHING_HELD = 0.2;

    private final SimulationProperties settings;
    private final PostgresEndpoint database;
    private final LiveBoard board;
    private final PartnerRequests requests;
    private final Clock clock;
    private final SplittableRandom random = new SplittableRandom();
    private volatile Disposable.Composite running;

    SimulatedPartners(SimulationProperties settings, PostgresEndpoint database, LiveBoard board,
                      PartnerRequests requests, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.board = board;
        this.requests = requests;
        this.clock = clock;
    }

    /** A partner the simulated hub asks. */
    record Partner(Agency agency, HealthService service, Duration typical) {
    }

    /** Who is asked, with how often (weights) and how long each typically takes to answer. */
    private static final Partner[] PARTNERS = {
            new Partner(Agency.POLICE, null, Duration.ofHours(5)),
            new Partner(Agency.EDUCATION, null, Duration.ofHours(20)),
            new Partner(Agency.HEALTH, HealthService.GP, Duration.ofHours(80)),
            new Partner(Agency.HEALTH, HealthService.HEALTH_VISITING, Duration.ofHours(30)),
            new Partner(Agency.HEALTH, HealthService.SCHOOL_NURSING, Duration.ofHours(36)),
            new Partner(Agency.HEALTH, HealthService.MIDWIFERY, Duration.ofHours(30)),
            new Partner(Agency.HEALTH, HealthService.ACUTE_TRUST, Duration.ofHours(48)),
            new Partner(Agency.HEALTH, HealthService.CAMHS, Duration.ofHours(60)),
            new Partner(Agency.HEALTH, HealthService.COMMUNITY_PAEDIATRICS, Duration.ofHours(60)),
            new Partner(Agency.PROBATION, null, Duration.ofHours(30)),
            new Partner(Agency.HOUSING, null, Duration.ofHours(40)),
            new Partner(Agency.OTHER_LOCAL_AUTHORITY, null, Duration.ofHours(40)),
            new Partner(Agency.BORDER_FORCE, null, Duration.ofHours(60))};
    private static final int[] WEIGHTS = {14, 16, 14, 10, 5, 4, 6, 3, 3, 6, 8, 6, 2};

    @Override
    public void start() {
        if (!settings.runsWith(database.embedded())) {
            return;
        }
        var all = Disposables.composite();
        running = all;
        all.add(board.applied()
                .filter(event -> event.type() == BoardEventType.REFERRAL_RECEIVED && event.referral().open())
                .filter(event -> random.nextDouble() < ASKED)
                .flatMap(event -> ask(event, all), 2)
                .subscribe(done -> { }, e -> log.warn("Simulated partner requests stopped", e)));
    }

    /** One or two requests about the referral of {@code event}, a quarter to two simulated hours after it came. */
    private Mono<Void> ask(BoardEvent event, Disposable.Composite all) {
        ReferralCard card = event.referral();
        int count = random.nextDouble() < 0.3 ? 2 : 1;
        Mono<Void> work = Mono.empty();
        for (int i = 0; i < count; i++) {
            Partner partner = pick(card.source());
            Duration after = Duration.ofMinutes(15 + random.nextInt(105));
            work = work.then(at(card.receivedAt().plus(after), all, Mono.defer(() -> {
                Instant when = past(card.receivedAt().plus(after));
                return requests.request(new PartnerRequests.Ask(card.reference(), partner.agency(), partner.service(),
                                null, "Simulated: what is known of the child and household?", null), LEAD, when)
                        .doOnNext(asked -> follow(asked, partner, all))
                        .then();
            })));
        }
        return work.onErrorResume(e -> {
            // decided before it was asked about, or another hiccup: the demo goes on
            log.debug("Simulated partner request on {} skipped: {}", card.reference(), e.toString());
            return Mono.empty();
        });
    }

    /** Chases the request at its due time (and a day later) unless answered, and answers it when the partner would. */
    private void follow(PartnerRequestDetail asked, Partner partner, Disposable.Composite all) {
        boolean never = random.nextDouble() < NEVER_ANSWERS;
        // between half and twice the partner's typical time
        Duration takes = Duration.ofMinutes((long) (partner.typical().toMinutes() * (0.5 + 1.5 * random.nextDouble())));
        Instant answerAt = never ? null : asked.requestedAt().plus(takes);
        boolean nothing = random.nextDouble() < NOTHING_HELD;
        Mono<Void> steps = Mono.empty();
        for (Instant chase : new Instant[] {asked.dueAt().plusSeconds(600), asked.dueAt().plus(Duration.ofDays(1))}) {
            if (answerAt == null || chase.isBefore(answerAt)) {
                steps = steps.then(at(chase, all, Mono.defer(() -> requests.chase(asked.id(),
                        random.nextBoolean() ? ChaseWay.PHONE : ChaseWay.SECURE_EMAIL,
                        "Simulated chase", LEAD, past(chase)).then())));
            }
        }
        if (answerAt != null) {
            steps = steps.then(at(answerAt, all, Mono.defer(() -> requests.answer(asked.id(),
                    nothing ? null : "Simulated answer: known to the service, no current concerns.", nothing, LEAD,
                    past(answerAt)).then())));
        }
        all.add(steps.subscribe(done -> { }, e -> log.debug("Simulated follow-up of request {} skipped: {}",
                asked.id(), e.toString())));
    }

    /**
     * Runs {@code step} for simulated instant {@code at}: at once when it is already past (recorded at
     * that time), otherwise after the real delay the simulation's speed makes of the wait.
     */
    private Mono<Void> at(Instant at, Disposable.Composite all, Mono<Void> step) {
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            return step;
        }
        var wait = Duration.ofNanos((long) (Duration.between(now, at).toNanos() / Math.max(1.0, settings.speed())));
        return Mono.delay(wait).then(step);
    }

    /** The time to record a step at: its own when past, now otherwise (live steps happen now). */
    private Instant past(Instant at) {
        Instant now = clock.instant();
        return at.isAfter(now) ? null : at;
    }

    private Partner pick(Source source) {
        while (true) {
            int total = 0;
            for (int weight : WEIGHTS) {
                total += weight;
            }
            int roll = random.nextInt(total);
            for (int i = 0; i < PARTNERS.length; i++) {
                roll -= WEIGHTS[i];
                if (roll < 0) {
                    // a police notification's own checks are the police desk's: the hub asks others about it
                    if (source == Source.POLICE && PARTNERS[i].agency() == Agency.POLICE) {
                        break;
                    }
                    return PARTNERS[i];
                }
            }
        }
    }

    @Override
    public void stop() {
        var all = running;
        running = null;
        if (all != null) {
            all.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}

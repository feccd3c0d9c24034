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
import reactor.core.publisher.Sinks;

/**
 * The simulated hub's information requests to partners. About two referrals in five get one or two
 * requests a little after they arrive; each partner answers after a time typical of it (the police in
 * hours, schools in a day or so, health slower, GPs slowest), some say they hold nothing, and about one
 * in ten never answers. A request still waiting at its due time is chased, and chased again a day
 * later. A contact back-filled into the past has its requests, chases and answers at their past times;
 * a live one at the simulation's speed, like the rest of the demo day.
 *
 * <p>Every call goes through one queue with at most {@link #IN_FLIGHT} in flight, as the simulator's
 * own do, so a back-filled day's hundreds of steps cannot take the whole connection pool at once.
 */
@Component
class SimulatedPartners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPartners.class);
    static final Actor LEAD = SimulatedOversight.DECIDER;
    static final double ASKED = 0.4;
    static final double NEVER_ANSWERS = 0.1;
    static final double NOTHING_HELD = 0.2;
    static final int IN_FLIGHT = 2;

    private final SimulationProperties settings;
    private final PostgresEndpoint database;
    private final LiveBoard board;
    private final PartnerRequests requests;
    private final Clock clock;
    private final SplittableRandom random = new SplittableRandom();
    private volatile Disposable.Composite running;
    private volatile Sinks.Many<Mono<Void>> calls;

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
        Sinks.Many<Mono<Void>> queue = Sinks.many().unicast().onBackpressureBuffer();
        calls = queue;
        running = all;
        all.add(queue.asFlux()
                .flatMap(call -> call.onErrorResume(e -> {
                    // decided before it was asked about, answered by someone else, or another hiccup: the demo goes on
                    log.debug("Simulated partner step skipped: {}", e.toString());
                    return Mono.empty();
                }), IN_FLIGHT)
                .subscribe());
        all.add(board.applied()
                .filter(event -> event.type() == BoardEventType.REFERRAL_RECEIVED && event.referral().open())
                .filter(event -> random.nextDouble() < ASKED)
                .subscribe(event -> ask(event, all), e -> log.warn("Simulated partner requests stopped", e)));
    }

    /** Queues {@code call}; emissions come from several threads, so they take turns. */
    private void enqueue(Mono<Void> call) {
        var queue = calls;
        if (queue != null) {
            synchronized (queue) {
                queue.tryEmitNext(call);
            }
        }
    }

    /** One or two requests about the referral of {@code event}, a quarter to two simulated hours after it came. */
    private void ask(BoardEvent event, Disposable.Composite all) {
        ReferralCard card = event.referral();
        int count = random.nextDouble() < 0.3 ? 2 : 1;
        for (int i = 0; i < count; i++) {
            Partner partner = pick(card.source());
            Instant when = card.receivedAt().plus(Duration.ofMinutes(15 + random.nextInt(105)));
            at(when, all, Mono.defer(() -> requests.request(new PartnerRequests.Ask(card.reference(), partner.agency(),
                            partner.service(), null, "Simulated: what is known of the child and household?", null),
                            LEAD, past(when))
                    .doOnNext(asked -> follow(asked, partner, all))
                    .then()));
        }
    }

    /** Chases the request at its due time (and a day later) unless answered, and answers it when the partner would. */
    private void follow(PartnerRequestDetail asked, Partner partner, Disposable.Composite all) {
        boolean never = random.nextDouble() < NEVER_ANSWERS;
        // between half and twice the partner's typical time
        Duration takes = Duration.ofMinutes((long) (partner.typical().toMinutes() * (0.5 + 1.5 * random.nextDouble())));
        Instant answerAt = never ? null : asked.requestedAt().plus(takes);
        boolean nothing = random.nextDouble() < NOTHING_HELD;
        for (Instant chase : new Instant[] {asked.dueAt().plusSeconds(600), asked.dueAt().plus(Duration.ofDays(1))}) {
            if (answerAt == null || chase.isBefore(answerAt)) {
                at(chase, all, Mono.defer(() -> requests.chase(asked.id(),
                        random.nextBoolean() ? ChaseWay.PHONE : ChaseWay.SECURE_EMAIL,
                        "Simulated chase", LEAD, past(chase)).then()));
            }
        }
        if (answerAt != null) {
            at(answerAt, all, Mono.defer(() -> requests.answer(asked.id(),
                    nothing ? null : "Simulated answer: known to the service, no current concerns.", nothing, LEAD,
                    past(answerAt)).then()));
        }
    }

    /**
     * Queues {@code step} for simulated instant {@code at}: now when it is already past (recorded at that
     * time), otherwise after the real delay the simulation's speed makes of the wait. Steps of one
     * request keep their order: past ones are queued in order, and later ones wait in proportion.
     */
    private void at(Instant at, Disposable.Composite all, Mono<Void> step) {
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            enqueue(step);
            return;
        }
        var wait = Duration.ofNanos((long) (Duration.between(now, at).toNanos() / Math.max(1.0, settings.speed())));
        // forgotten once it fires, so a long demo day does not pile up finished timers
        var slot = Disposables.swap();
        if (all.add(slot)) {
            slot.update(Mono.delay(wait).doFinally(signal -> all.remove(slot)).subscribe(tick -> enqueue(step)));
        }
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
        calls = null;
        if (all != null) {
            all.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}

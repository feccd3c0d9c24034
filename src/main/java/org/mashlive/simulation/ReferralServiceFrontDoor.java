package org.mashlive.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.mashlive.allocation.AllocateCase;
import org.mashlive.allocation.AllocationService;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.NewReferral;
import org.mashlive.referral.ReferralClosedException;
import org.mashlive.referral.ReferralNotFoundException;
import org.mashlive.referral.ReferralService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The front door as {@link ReferralService} runs it: one transaction, with its board event, per call.
 * Live steps (not back-filled ones) also do what a duty lead and the police desk would: a referral
 * that goes to screening is given to the least-loaded social worker on shift, its police checks to
 * a free officer, and the checks are recorded done when the referral moves on.
 */
@Component
class ReferralServiceFrontDoor implements FrontDoor {

    private static final Logger log = LoggerFactory.getLogger(ReferralServiceFrontDoor.class);
    static final String ACTOR = "simulator";
    private static final Set<String> CASEWORKERS = Set.of("SOCIAL_WORKER", "SENIOR_PRACTITIONER");
    private static final String OFFICER = "MASH_POLICE_OFFICER";

    private final ReferralService referrals;
    private final AllocationService allocation;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final SimulatedOversight oversight;

    ReferralServiceFrontDoor(ReferralService referrals, AllocationService allocation, Clock clock,
                             WorkingCalendar calendar, SimulatedOversight oversight) {
        this.referrals = referrals;
        this.allocation = allocation;
        this.clock = clock;
        this.calendar = calendar;
        this.oversight = oversight;
    }

    @Override
    public Mono<Received> receive(NewReferral contact, Instant at) {
        return (at == null ? referrals.receiveContact(contact) : referrals.receiveContact(contact, at))
                .map(received -> new Received(received.getFirst().referral().id(), received.getFirst().created(),
                        received.stream().skip(1).filter(ReferralService.Received::created)
                                .map(each -> each.referral().id()).toList()));
    }

    @Override
    public Mono<Boolean> apply(long id, Plan.Action action, Instant at) {
        var done = switch (action) {
            case Plan.Move move -> at == null ? referrals.moveTo(id, move.stage()) : referrals.moveTo(id, move.stage(), at);
            case Plan.Rate rate -> at == null
                    ? referrals.rate(id, rate.rag(), rate.reason())
                    : referrals.rate(id, rate.rag(), rate.reason(), at);
            // a simulated lead decides with a rationale and another signs off (or returns) later;
            // back-filled, each at its own time, so a back-filled month reports as a lived one
            case Plan.Decide decide -> at == null
                    ? oversight.decide(id, decide.outcome())
                    : oversight.decide(id, decide.outcome(), at, clock.instant());
        };
        Mono<Void> desk = at != null ? Mono.empty() : switch (action) {
            case Plan.Move move when move.stage() == Stage.SCREENING -> allocate(id);
            case Plan.Move move -> policeChecksDone(id);
            default -> Mono.empty();
        };
        return done.flatMap(referral -> desk.thenReturn(true))
                .onErrorResume(e -> e instanceof ReferralClosedException || e instanceof ReferralNotFoundException,
                        e -> Mono.just(false));
    }

    /** Gives the referral to a caseworker, and its police checks to an officer, whoever is freest. */
    private Mono<Void> allocate(long id) {
        return referrals.find(id).flatMap(referral -> allocation.candidates().collectList().flatMap(people -> {
            Mono<Void> work = give(WorkType.REFERRAL, id, freest(people, CASEWORKERS));
            if (referral.policeCheck() == PoliceCheck.WAITING) {
                work = work.then(give(WorkType.POLICE_CHECK, id, freest(people, Set.of(OFFICER))));
            }
            return work;
        }));
    }

    private Mono<Void> give(WorkType type, long id, java.util.Optional<AllocationService.Candidate> to) {
        return to.map(candidate -> allocation.allocate(
                        new AllocateCase(type, id, candidate.person().id(), null, null, true), ACTOR)
                .then()
                .onErrorResume(e -> {
                    // someone else got there first, or the work moved on: the demo goes on
                    log.debug("Simulated allocation of {} {} skipped: {}", type, id, e.toString());
                    return Mono.empty();
                }))
                .orElse(Mono.empty());
    }

    private static java.util.Optional<AllocationService.Candidate> freest(List<AllocationService.Candidate> people,
                                                                          Set<String> roles) {
        return people.stream()
                .filter(candidate -> roles.contains(candidate.person().role()))
                .filter(candidate -> candidate.person().onShift() && !candidate.person().onBreak())
                .min(Comparator.comparingInt(AllocationService.Candidate::openCases)
                        .thenComparing(candidate -> candidate.person().id()));
    }

    /** Records the police checks done, once the referral has moved past screening. */
    private Mono<Void> policeChecksDone(long id) {
        return referrals.find(id)
                .filter(referral -> referral.policeCheck() == PoliceCheck.WAITING)
                .flatMap(referral -> referrals.completePoliceCheck(id, "Police checks completed (simulated).", ACTOR))
                .then()
                .onErrorResume(e -> {
                    log.debug("Simulated police checks on {} skipped: {}", id, e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public Flux<OpenReferral> open() {
        return referrals.open()
                .map(r -> new OpenReferral(r.id(), r.stage(), r.rag(), r.child(), r.receivedAt()));
    }

    /**
     * No open referral, and no first reference this year or last: references are numbered per
     * year without gaps (the counter rolls back with a refused intake), so a database that ever
     * held a referral recently has {@code MASH-<year>-000001}.
     */
    @Override
    public Mono<Boolean> empty() {
        int year = LocalDate.ofInstant(clock.instant(), calendar.zone()).getYear();
        return referrals.open().hasElements()
                .flatMap(any -> any ? Mono.just(false) : Flux.just(year, year - 1)
                        .concatMap(y -> referrals.find("MASH-%d-000001".formatted(y)).hasElement()
                                .onErrorResume(ReferralNotFoundException.class, e -> Mono.just(false)))
                        .any(Boolean::booleanValue)
                        .map(found -> !found));
    }
}

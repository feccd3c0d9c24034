package org.mashlive.allocation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.WorkType;
import org.mashlive.platform.InvalidInputException;
import org.mashlive.platform.Text;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.referral.ReferralService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Allocation and reallocation of cases. A move names the version of the allocation its requester
 * saw: of two duty leads moving one case at once, exactly one wins and the other is told who has
 * it now. Every attempt, won, lost or refused, is in the audit trail.
 */
@Service
public class AllocationService {

    /** The role whose people work police checks. */
    static final String POLICE_OFFICER = "MASH_POLICE_OFFICER";

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK);

    private final AllocationRepository allocations;
    private final AllocationEvents events;
    private final People people;
    private final ReferralService referrals;
    private final LiveBoard board;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;
    private final AllocationProperties properties;
    private final Clock clock;
    private final WorkingCalendar calendar;

    AllocationService(AllocationRepository allocations, AllocationEvents events, People people,
                      ReferralService referrals, LiveBoard board, AuditTrail audit, TransactionalOperator transaction,
                      AllocationProperties properties, Clock clock, WorkingCalendar calendar) {
        this.allocations = allocations;
        this.events = events;
        this.people = people;
        this.referrals = referrals;
        this.board = board;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.calendar = calendar;
    }

    /**
     * Gives a case to a person, or moves it from whoever has it.
     *
     * @param actor the signed-in user making the change
     * @return the allocation as it now stands
     * @throws InvalidAllocationException (as an error signal) naming the field that breaks a rule
     * @throws ConfirmationRequiredException when the person is over their caseload or off shift and
     *     the request was not confirmed
     * @throws AllocationConflictException when someone else allocated or moved it first
     */
    public Mono<AllocationCard> allocate(AllocateCase command, String actor) {
        if (command.expectedVersion() != null && (command.reason() == null || command.reason().isBlank())) {
            return Mono.error(new InvalidAllocationException("reason", "must say why the case is moved"));
        }
        if (command.reason() != null && command.reason().length() > 1000) {
            return Mono.error(new InvalidAllocationException("reason", "must be at most 1000 characters"));
        }
        try {
            Text.lines("reason", command.reason());
        } catch (InvalidInputException e) {
            return Mono.error(e);
        }
        return referrals.find(command.workId())
                .flatMap(referral -> !referral.stage().open()
                        ? Mono.error(new InvalidAllocationException("workId",
                                referral.reference() + " is already decided; it cannot be allocated"))
                        : command.workType() == WorkType.POLICE_CHECK && referral.policeCheck() != PoliceCheck.WAITING
                        ? Mono.error(new InvalidAllocationException("workType", "no police checks are waiting on "
                                + referral.reference()))
                        : Mono.just(referral))
                .zipWith(people.find(command.toStaffId())
                        .switchIfEmpty(Mono.error(() -> new InvalidAllocationException("toStaffId",
                                "no person has id " + command.toStaffId()))))
                .flatMap(found -> {
                    var referral = found.getT1();
                    var person = found.getT2();
                    if (!person.active()) {
                        return Mono.error(new InvalidAllocationException("toStaffId",
                                person.displayName() + " no longer works here"));
                    }
                    if (command.workType() == WorkType.POLICE_CHECK && !POLICE_OFFICER.equals(person.role())) {
                        return Mono.error(new InvalidAllocationException("toStaffId",
                                "police checks go to MASH police officers; " + person.displayName() + " is not one"));
                    }
                    // a lost race is told before anything asks for a confirmation: confirming a
                    // move that has already lost would only lead to the conflict a step later
                    return stale(command).flatMap(stale -> stale
                            ? conflict(command, referral.reference(), person, actor)
                            : warnings(person).flatMap(warnings -> {
                                if (!warnings.isEmpty() && !command.confirmed()) {
                                    return refuse(command, referral.reference(), actor, warnings)
                                            .then(Mono.error(new ConfirmationRequiredException(warnings)));
                                }
                                return write(command, referral.reference(), person, actor);
                            }));
                });
    }

    /**
     * Whether the caller's view of the allocation is out of date: they saw it unallocated and it is
     * allocated now, or they saw another version. Checked again, under the write's condition, in
     * {@link #write}.
     */
    private Mono<Boolean> stale(AllocateCase command) {
        return allocations.find(command.workType(), command.workId())
                .map(before -> command.expectedVersion() == null || before.version() != command.expectedVersion())
                .defaultIfEmpty(false);
    }

    private Mono<AllocationCard> write(AllocateCase command, String reference, People.Person person, String actor) {
        Instant now = clock.instant();
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        Mono<AllocationCard> work = allocations.find(command.workType(), command.workId())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(before -> {
                    Long from = before.map(AllocationRepository.Row::staffId).orElse(null);
                    // a stale view loses before anything else is judged: it is told who has it now
                    boolean stale = command.expectedVersion() == null
                            ? before.isPresent()
                            : before.isPresent() && before.get().version() != command.expectedVersion();
                    if (stale) {
                        return Mono.error(new Lost());
                    }
                    if (from != null && from == person.id()) {
                        return Mono.error(new InvalidAllocationException("toStaffId",
                                person.displayName() + " already has " + reference));
                    }
                    Mono<AllocationRepository.Row> written = command.expectedVersion() == null
                            ? allocations.allocateFirst(command.workType(), command.workId(), reference, person.id(),
                                    now, actor, reason)
                            : allocations.move(command.workType(), command.workId(), command.expectedVersion(),
                                    person.id(), now, actor, reason);
                    return written
                            .switchIfEmpty(Mono.error(Lost::new))
                            .flatMap(row -> audit.record(new AuditEntry(now, actor,
                                            from == null ? AuditAction.ALLOCATED : AuditAction.REALLOCATED,
                                            command.workType().name(), command.workId(), reference, from, person.id(),
                                            reason, null))
                                    .then(Mono.just(card(row, person.displayName())))
                                    .flatMap(card -> events.allocated(card).thenReturn(card)));
                });
        return transaction.transactional(work)
                .onErrorResume(Lost.class, lost -> conflict(command, reference, person, actor));
    }

    /** Records the losing attempt and answers who has the case now. */
    private Mono<AllocationCard> conflict(AllocateCase command, String reference, People.Person wanted, String actor) {
        return allocations.find(command.workType(), command.workId())
                .switchIfEmpty(Mono.error(() -> new InvalidAllocationException("expectedVersion",
                        reference + " is not allocated yet; allocate it without expectedVersion")))
                .flatMap(current -> people.find(current.staffId())
                        .map(People.Person::displayName)
                        .defaultIfEmpty("staff " + current.staffId())
                        .flatMap(name -> {
                            var card = card(current, name);
                            var entry = new AuditEntry(clock.instant(), actor, AuditAction.ALLOCATION_CONFLICT,
                                    command.workType().name(), command.workId(), reference, null, wanted.id(),
                                    command.reason(), "lost to " + current.allocatedBy() + ", who gave it to " + name
                                            + " (version " + current.version() + ")");
                            return transaction.transactional(audit.record(entry))
                                    .then(Mono.error(new AllocationConflictException(card, current.allocatedBy(), calendar.zone())));
                        }));
    }

    private Mono<Void> refuse(AllocateCase command, String reference, String actor, List<String> warnings) {
        var entry = new AuditEntry(clock.instant(), actor, AuditAction.ALLOCATION_REFUSED, command.workType().name(),
                command.workId(), reference, null, command.toStaffId(), command.reason(),
                "not confirmed: " + String.join("; ", warnings));
        return transaction.transactional(audit.record(entry));
    }

    /** What needs confirming before {@code person} is given more work. */
    private Mono<List<String>> warnings(People.Person person) {
        return caseloads().map(loads -> {
            var warnings = new ArrayList<String>();
            int load = loads.getOrDefault(person.id(), 0);
            if (load >= properties.caseloadLimit()) {
                warnings.add(person.displayName() + " has " + load + " open cases (limit " + properties.caseloadLimit() + ")");
            }
            if (!person.onShift()) {
                warnings.add(person.displayName() + " is off shift"
                        + (person.nextShiftStart() == null ? " with no shift planned"
                                : " until " + DAY_TIME.format(person.nextShiftStart().atZone(calendar.zone()))));
            } else if (person.onBreak()) {
                warnings.add(person.displayName() + " is on a break");
            }
            return List.copyOf(warnings);
        });
    }

    /** Open cases per person, from the live board: only work not yet done counts. */
    public Mono<Map<Long, Integer>> caseloads() {
        return board.snapshot().map(snapshot -> snapshot.allocations().stream()
                .collect(Collectors.groupingBy(AllocationCard::staffId, Collectors.reducing(0, card -> 1, Integer::sum))));
    }

    /** Who a case is allocated to, or empty. */
    public Mono<AllocationCard> current(WorkType type, long workId) {
        return allocations.find(type, workId)
                .flatMap(row -> people.find(row.staffId()).map(People.Person::displayName)
                        .defaultIfEmpty("staff " + row.staffId())
                        .map(name -> card(row, name)));
    }

    /** Every current allocation, with names. */
    public Flux<AllocationCard> all() {
        return people.all().collectMap(People.Person::id, Function.identity())
                .flatMapMany(byId -> allocations.all().map(row -> card(row,
                        byId.containsKey(row.staffId()) ? byId.get(row.staffId()).displayName() : "staff " + row.staffId())));
    }

    /** The people work can go to, with their open cases and where they are. */
    public Flux<Candidate> candidates() {
        return caseloads().flatMapMany(loads -> people.all()
                .filter(People.Person::active)
                .map(person -> new Candidate(person, loads.getOrDefault(person.id(), 0), properties.caseloadLimit())));
    }

    private static AllocationCard card(AllocationRepository.Row row, String staffName) {
        return new AllocationCard(row.type(), row.workId(), row.reference(), row.staffId(), staffName, row.version(),
                row.allocatedAt(), row.allocatedBy());
    }

    /**
     * Someone work can go to.
     *
     * @param person        who
     * @param openCases     how many open cases they hold
     * @param caseloadLimit the limit above which an allocation needs a confirmation
     */
    public record Candidate(People.Person person, int openCases, int caseloadLimit) {
    }

    /** The conditional write found the case moved; the transaction rolls back and the caller is told. */
    private static final class Lost extends RuntimeException {

        Lost() {
            super("allocation changed concurrently", null, false, false);
        }
    }
}

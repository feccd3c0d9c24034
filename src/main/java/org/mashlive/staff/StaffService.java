package org.mashlive.staff;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.mashlive.board.BoardOutbox;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.CoreHours;
import org.mashlive.board.api.Rota;
import org.mashlive.board.api.RotaSettings;
import org.mashlive.board.api.StaffRole;
import org.mashlive.platform.Text;
import org.mashlive.platform.WorkingCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The hub's people, their shifts and the establishment. Every change that a board shows commits in
 * one transaction with its board event, or not at all; rules are checked before anything is
 * written, so a refused request leaves no row behind.
 */
@Service
public class StaffService {

    /** The longest shift the rota takes. */
    public static final Duration LONGEST_SHIFT = Duration.ofHours(24);

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private final StaffRepository repository;
    private final BoardOutbox outbox;
    private final TransactionalOperator transaction;
    private final StaffProperties settings;
    private final WorkingCalendar calendar;
    private final Clock clock;

    StaffService(StaffRepository repository, BoardOutbox outbox, TransactionalOperator transaction,
                 StaffProperties settings, WorkingCalendar calendar, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.transaction = transaction;
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    // ---- people

    /** The people in post, or everyone ever employed with {@code withLeavers}, by id. */
    public Flux<Person> people(boolean withLeavers) {
        return repository.people(withLeavers);
    }

    /** One person; errors with {@link StaffNotFoundException} when there is none. */
    public Mono<Person> person(long id) {
        return repository.person(id, false).switchIfEmpty(Mono.error(() -> noSuchPerson(id)));
    }

    /** Takes a person on. Errors with {@link InvalidStaffException} naming the field that breaks a rule. */
    public Mono<Person> hire(StaffDetails details) {
        return Mono.fromRunnable(() -> check(details))
                .then(Mono.defer(() -> {
                    var now = clock.instant();
                    return transaction.transactional(repository.insert(normal(details), now)
                            .flatMap(id -> repository.person(id, false))
                            .flatMap(this::published));
                }));
    }

    /** Changes what a person is; {@link RotaConflictException} when they have left. */
    public Mono<Person> update(long id, StaffDetails details) {
        return Mono.fromRunnable(() -> check(details))
                .then(Mono.defer(() -> transaction.transactional(locked(id)
                        .flatMap(person -> {
                            if (!person.active()) {
                                return Mono.error(new RotaConflictException(person.displayName()
                                        + " has left; their details can no longer be changed"));
                            }
                            return repository.update(id, normal(details), clock.instant())
                                    .then(repository.person(id, false))
                                    .flatMap(this::published);
                        }))));
    }

    /**
     * Ends a person's employment now: they leave the board, and their shifts that have not yet
     * started are removed. Ending it again changes nothing.
     */
    public Mono<Person> endEmployment(long id) {
        return Mono.defer(() -> {
            var now = clock.instant();
            return transaction.transactional(locked(id).flatMap(person -> {
                if (!person.active()) {
                    return Mono.just(person);
                }
                return repository.shifts(now, now.plus(Duration.ofDays(3650)), id)
                        .filter(shift -> shift.start().isAfter(now))
                        .concatMap(shift -> repository.deleteShift(shift.id())
                                .then(outbox.append(BoardEventType.SHIFT_REMOVED, shift.card())))
                        .then(repository.leave(id, now))
                        .then(repository.person(id, false))
                        .flatMap(this::published);
            }));
        });
    }

    /**
     * Puts a person on a break, or takes them off it. Going on a break needs them to be on shift
     * ({@link RotaConflictException} otherwise); asking for what already is changes nothing.
     */
    public Mono<Person> setBreak(long id, boolean onBreak) {
        return Mono.defer(() -> {
            var now = clock.instant();
            return transaction.transactional(locked(id).flatMap(person -> {
                if (!person.active()) {
                    return Mono.error(new RotaConflictException(person.displayName() + " has left"));
                }
                return repository.shifts(now, now.plusNanos(1), id).next()
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(current -> {
                            if (onBreak && current.isEmpty()) {
                                return Mono.error(new RotaConflictException(person.displayName()
                                        + " is not on shift now, so cannot go on a break"));
                            }
                            boolean onBreakNow = current.isPresent() && person.breakSince() != null
                                    && !person.breakSince().isBefore(current.get().start());
                            boolean unchanged = onBreak ? onBreakNow : person.breakSince() == null;
                            if (unchanged) {
                                return Mono.just(person);
                            }
                            return repository.setBreak(id, onBreak ? now : null, now)
                                    .then(repository.person(id, false))
                                    .flatMap(this::published);
                        });
            }));
        });
    }

    // ---- shifts

    /** Shifts that end after {@code from} and start before {@code to}, of everyone or of one person. */
    public Flux<Shift> shifts(Instant from, Instant to, Long staffId) {
        return repository.shifts(from, to, staffId);
    }

    /**
     * Adds a shift to a person's rota. Errors with {@link InvalidStaffException} when the times
     * are wrong or the person unknown, {@link RotaConflictException} when it overlaps another of
     * their shifts or they have left.
     */
    public Mono<Shift> addShift(long staffId, Instant start, Instant end) {
        return Mono.fromRunnable(() -> checkTimes(start, end))
                .then(Mono.defer(() -> transaction.transactional(repository.person(staffId, true)
                        .switchIfEmpty(Mono.error(() -> new InvalidStaffException("staffId",
                                "no person has id " + staffId)))
                        .flatMap(person -> {
                            if (!person.active()) {
                                return Mono.error(new RotaConflictException(person.displayName()
                                        + " has left; no shift can be added"));
                            }
                            // the person's row is locked, so no other shift of theirs can slip in between
                            return repository.shifts(start, end, staffId).next()
                                    .flatMap(other -> Mono.<Shift>error(new RotaConflictException(
                                            person.displayName() + " already has shift " + other.id() + " from "
                                                    + DAY_TIME.format(other.start().atZone(zone())) + " to "
                                                    + DAY_TIME.format(other.end().atZone(zone()))
                                                    + " (" + zone() + "), which overlaps this one")))
                                    .switchIfEmpty(repository.insertShift(staffId, start, end)
                                            .map(id -> new Shift(id, staffId, start, end))
                                            .flatMap(shift -> outbox.append(BoardEventType.SHIFT_ADDED, shift.card())
                                                    .thenReturn(shift)));
                        }))));
    }

    /** Removes a shift; {@link StaffNotFoundException} when there is none. */
    public Mono<Shift> removeShift(long id) {
        return transaction.transactional(repository.shift(id)
                .switchIfEmpty(Mono.error(() -> new StaffNotFoundException("no shift has id " + id)))
                .flatMap(shift -> repository.person(shift.staffId(), true)
                        .then(repository.deleteShift(id))
                        .then(outbox.append(BoardEventType.SHIFT_REMOVED, shift.card()))
                        .thenReturn(shift)));
    }

    // ---- establishment

    /** The funded posts of every role against the people in post. */
    public Mono<Establishment> establishment() {
        return repository.establishment()
                .zipWith(repository.people(false).collectList())
                .map(both -> Establishment.of(both.getT1(), both.getT2(), settings));
    }

    /**
     * Sets the funded posts of {@code role}, in FTE (0 or more, two decimals at most). The board
     * does not show the establishment, so this writes no board event.
     */
    public Mono<Establishment> setEstablishment(StaffRole role, BigDecimal fundedFte) {
        return Mono.fromRunnable(() -> {
                    if (role == null) {
                        throw new InvalidStaffException("role", "is required");
                    }
                    if (fundedFte == null || fundedFte.signum() < 0 || fundedFte.scale() > 2
                            || fundedFte.compareTo(new BigDecimal("9999")) > 0) {
                        throw new InvalidStaffException("fundedFte",
                                "must be a number of posts from 0 to 9999 with at most two decimals, like 8 or 2.5");
                    }
                })
                .then(Mono.defer(() -> repository.setEstablishment(role, fundedFte, clock.instant())))
                .then(establishment());
    }

    // ---- reading the rota

    /** The hub's zone, from its calendar: the zone its rota is read and shown in. */
    public ZoneId zone() {
        return calendar.zone();
    }

    /** The settings a board reads the rota with: bank holidays from a month before {@code now}. */
    public RotaSettings rotaSettings(Instant now) {
        var from = LocalDate.ofInstant(now, calendar.zone()).minusDays(31);
        var holidays = calendar.bankHolidays().stream().filter(day -> !day.isBefore(from)).toList();
        return new RotaSettings(settings.policeOfficersMax(), settings.oohMinimum(),
                new CoreHours(calendar.zone(), calendar.dayStart(), calendar.dayEnd(), calendar.workingDays(),
                        holidays));
    }

    /** The rota now: the people in post and their shifts from a day ago onwards. */
    public Mono<Rota> rota(Instant now) {
        return repository.people(false).map(Person::card).collectList()
                .zipWith(repository.shiftsOfActiveEndingAfter(now.minus(BoardState.SHIFTS_KEPT))
                        .map(Shift::card).collectList())
                .map(both -> new Rota(both.getT1(), both.getT2(), rotaSettings(now)));
    }

    /** The fraction of a post {@code person} fills. */
    public BigDecimal fteOf(Person person) {
        return Establishment.fteOf(person.contract(), person.fte(), settings);
    }

    // ----

    private Mono<Person> locked(long id) {
        return repository.person(id, true).switchIfEmpty(Mono.error(() -> noSuchPerson(id)));
    }

    private Mono<Person> published(Person person) {
        return outbox.append(BoardEventType.STAFF_CHANGED, person.card()).thenReturn(person);
    }

    private static StaffNotFoundException noSuchPerson(long id) {
        return new StaffNotFoundException("no person has id " + id);
    }

    private static StaffDetails normal(StaffDetails details) {
        var fte = details.fte() == null ? null : details.fte().stripTrailingZeros();
        return new StaffDetails(details.displayName().strip(), details.role(), details.team().strip(),
                details.contract(), fte);
    }

    /** The rules beyond each field's own format, which the API checks first. */
    static void check(StaffDetails details) {
        if (details.displayName() == null || details.displayName().isBlank()) {
            throw new InvalidStaffException("displayName", "is required, for example J. Patel");
        }
        if (details.displayName().strip().length() > 80) {
            throw new InvalidStaffException("displayName", "must be at most 80 characters");
        }
        Text.line("displayName", details.displayName());
        if (details.role() == null) {
            throw new InvalidStaffException("role", "is required");
        }
        if (details.team() == null || details.team().isBlank()) {
            throw new InvalidStaffException("team", "is required");
        }
        if (details.team().strip().length() > 80) {
            throw new InvalidStaffException("team", "must be at most 80 characters");
        }
        Text.line("team", details.team());
        if (details.contract() == null) {
            throw new InvalidStaffException("contract", "is required: FULL_TIME, PART_TIME or LEAN");
        }
        var fte = details.fte();
        if (fte != null) {
            if (fte.signum() <= 0 || fte.compareTo(BigDecimal.ONE) > 0 || fte.stripTrailingZeros().scale() > 2) {
                throw new InvalidStaffException("fte", "must be more than 0 and at most 1, with two decimals at most");
            }
            if (details.contract() == Contract.FULL_TIME && fte.compareTo(BigDecimal.ONE) != 0) {
                throw new InvalidStaffException("fte", "must be 1 (or left out) for a FULL_TIME contract");
            }
        }
    }

    static void checkTimes(Instant start, Instant end) {
        if (start == null) {
            throw new InvalidStaffException("start", "is required, an instant like 2026-03-10T17:00:00Z");
        }
        if (end == null) {
            throw new InvalidStaffException("end", "is required, an instant like 2026-03-11T09:00:00Z");
        }
        if (!end.isAfter(start)) {
            throw new InvalidStaffException("end", "must be after start");
        }
        if (Duration.between(start, end).compareTo(LONGEST_SHIFT) > 0) {
            throw new InvalidStaffException("end", "must be at most 24 hours after start");
        }
    }
}

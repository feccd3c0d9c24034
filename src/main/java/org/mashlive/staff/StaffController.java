package org.mashlive.staff;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.Presence;
import org.mashlive.board.api.Rota;
import org.mashlive.board.api.StaffCard;
import org.mashlive.board.api.StaffRole;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Staff, shifts and the establishment over HTTP. Times are UTC instants; answers add the same
 * times in the hub's zone, {@code mash.calendar.zone} ({@code …Local}). Errors answer {@code application/problem+json} naming
 * the field ({@link StaffProblems}); a refused request writes nothing.
 */
@RestController
class StaffController {

    /** How far back and ahead {@code GET /api/shifts} looks when not told. */
    static final Duration DEFAULT_BACK = Duration.ofHours(24);
    static final Duration DEFAULT_AHEAD = Duration.ofHours(72);

    private final StaffService staff;
    private final Clock clock;

    StaffController(StaffService staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    // ---- people

    @GetMapping("/api/staff")
    Mono<List<StaffView>> people(@RequestParam(defaultValue = "false") boolean all) {
        var now = clock.instant();
        return staff.rota(now).flatMap(rota -> staff.people(all).map(person -> view(person, rota, now)).collectList());
    }

    @GetMapping("/api/staff/{id}")
    Mono<StaffView> person(@PathVariable long id) {
        return withRota(staff.person(id));
    }

    @PostMapping("/api/staff")
    Mono<ResponseEntity<StaffView>> hire(@Valid @RequestBody StaffRequest request) {
        return withRota(staff.hire(request.details()))
                .map(view -> ResponseEntity.created(URI.create("/api/staff/" + view.id())).body(view));
    }

    @PutMapping("/api/staff/{id}")
    Mono<StaffView> update(@PathVariable long id, @Valid @RequestBody StaffRequest request) {
        return withRota(staff.update(id, request.details()));
    }

    @PostMapping("/api/staff/{id}/end-employment")
    Mono<StaffView> endEmployment(@PathVariable long id) {
        return withRota(staff.endEmployment(id));
    }

    @PutMapping("/api/staff/{id}/break")
    Mono<StaffView> setBreak(@PathVariable long id, @Valid @RequestBody BreakRequest request) {
        return withRota(staff.setBreak(id, request.onBreak()));
    }

    /** Out-of-hours cover now, the next handover, gaps in the next 72 hours, and officers on site. */
    @GetMapping("/api/staff/cover")
    Mono<CoverView> cover() {
        var now = clock.instant();
        return staff.rota(now).map(rota -> CoverView.of(rota.cover(now), rota.officers(now), zone()));
    }

    // ---- shifts

    @GetMapping("/api/shifts")
    Mono<List<ShiftView>> shifts(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                           @RequestParam(required = false) Long staffId) {
        var now = clock.instant();
        var start = from != null ? from : now.minus(DEFAULT_BACK);
        var end = to != null ? to : now.plus(DEFAULT_AHEAD);
        if (!end.isAfter(start)) {
            return Mono.error(new InvalidStaffException("to", "must be after from"));
        }
        return staff.shifts(start, end, staffId).map(shift -> ShiftView.of(shift, zone())).collectList();
    }

    @PostMapping("/api/shifts")
    Mono<ResponseEntity<ShiftView>> addShift(@Valid @RequestBody ShiftRequest request) {
        return staff.addShift(request.staffId(), request.start(), request.end())
                .map(shift -> ResponseEntity.created(URI.create("/api/shifts/" + shift.id())).body(ShiftView.of(shift, zone())));
    }

    @DeleteMapping("/api/shifts/{id}")
    Mono<ResponseEntity<Void>> removeShift(@PathVariable long id) {
        return staff.removeShift(id).thenReturn(ResponseEntity.noContent().build());
    }

    // ---- establishment

    @GetMapping("/api/establishment")
    Mono<EstablishmentView> establishment() {
        return staff.establishment().map(EstablishmentView::of);
    }

    @PutMapping("/api/establishment/{role}")
    Mono<EstablishmentView> setEstablishment(@PathVariable String role, @Valid @RequestBody FundedRequest request) {
        return Mono.fromCallable(() -> role(role))
                .flatMap(parsed -> staff.setEstablishment(parsed, request.fundedFte()))
                .map(EstablishmentView::of);
    }

    private static StaffRole role(String value) {
        try {
            return StaffRole.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidStaffException("role", "must be one of " + Arrays.toString(StaffRole.values())
                    + "; it was '" + value + "'");
        }
    }

    // ----

    private Mono<StaffView> withRota(Mono<Person> person) {
        return person.flatMap(found -> {
            var now = clock.instant();
            return staff.rota(now).map(rota -> view(found, rota, now));
        });
    }

    private StaffView view(Person person, Rota rota, Instant now) {
        var presence = person.active() ? rota.presence(person.card(), now) : Presence.OFF;
        return new StaffView(person.id(), person.displayName(), person.role(), person.team(), person.contract(),
                staff.fteOf(person), person.active(), person.leftAt(), presence,
                presence == Presence.ON_BREAK ? person.breakSince() : null);
    }

    /** The hub's zone, from its calendar: the {@code …Local} times are wall-clock times there. */
    private ZoneId zone() {
        return staff.zone();
    }

    private static LocalDateTime local(Instant t, ZoneId zone) {
        return t == null ? null : LocalDateTime.ofInstant(t, zone);
    }

    record StaffRequest(
            @NotBlank @Size(max = 80) String displayName,
            @NotNull StaffRole role,
            @NotBlank @Size(max = 80) String team,
            @NotNull Contract contract,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 2)
            BigDecimal fte) {

        StaffDetails details() {
            return new StaffDetails(displayName, role, team, contract, fte);
        }
    }

    record BreakRequest(@NotNull Boolean onBreak) {
    }

    record ShiftRequest(@NotNull Long staffId, @NotNull Instant start, @NotNull Instant end) {
    }

    record FundedRequest(@NotNull @DecimalMin("0") @Digits(integer = 4, fraction = 2) BigDecimal fundedFte) {
    }

    /**
     * A person as the API answers.
     *
     * @param fte        the fraction of a post they fill (their contract's default when none is stored)
     * @param presence   where they are now
     * @param breakSince when their break began, while they are on one
     */
    record StaffView(long id, String displayName, StaffRole role, String team, Contract contract, BigDecimal fte,
                     boolean active, Instant leftAt, Presence presence, Instant breakSince) {
    }

    record ShiftView(long id, long staffId, Instant start, Instant end, LocalDateTime startLocal,
                     LocalDateTime endLocal) {

        static ShiftView of(Shift shift, ZoneId zone) {
            return new ShiftView(shift.id(), shift.staffId(), shift.start(), shift.end(), local(shift.start(), zone),
                    local(shift.end(), zone));
        }
    }

    record GapView(Instant start, Instant end, LocalDateTime startLocal, LocalDateTime endLocal, int onDuty,
                   int minimum) {
    }

    record CoverView(boolean coreHours, List<String> covering, Instant nextHandover,
                     LocalDateTime nextHandoverLocal, boolean nextCoreHours, List<String> next, List<GapView> gaps,
                     Rota.OfficersOnSite officers) {

        static CoverView of(Rota.OutOfHoursCover cover, Rota.OfficersOnSite officers, ZoneId zone) {
            return new CoverView(cover.coreHours(), cover.covering().stream().map(StaffCard::displayName).toList(),
                    cover.nextHandover(), local(cover.nextHandover(), zone), cover.nextCoreHours(),
                    cover.next().stream().map(StaffCard::displayName).toList(),
                    cover.gaps().stream().map(gap -> new GapView(gap.start(), gap.end(), local(gap.start(), zone),
                            local(gap.end(), zone), gap.onDuty(), gap.minimum())).toList(),
                    officers);
        }
    }

    record LineView(StaffRole role, BigDecimal fundedFte, BigDecimal inPostFte, BigDecimal vacancyFte, int people) {
    }

    record EstablishmentView(List<LineView> roles, BigDecimal fundedFte, BigDecimal inPostFte,
                             BigDecimal vacancyFte) {

        static EstablishmentView of(Establishment establishment) {
            return new EstablishmentView(establishment.lines().stream()
                    .map(line -> new LineView(line.role(), line.fundedFte(), line.inPostFte(), line.vacancyFte(),
                            line.people()))
                    .toList(),
                    establishment.fundedFte(), establishment.inPostFte(), establishment.vacancyFte());
        }
    }
}

package org.mashlive.allocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mashlive.board.api.Presence;
import org.mashlive.board.api.Rota;
import org.mashlive.staff.Person;
import org.mashlive.staff.Shift;
import org.mashlive.staff.StaffService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The staff module's people, with where they are on the rota now. */
@Component
class StaffPeople implements People {

    /** How far ahead an off-shift person's next shift is looked for. */
    private static final Duration LOOK_AHEAD = Duration.ofDays(14);

    private final StaffService staff;
    private final Clock clock;

    StaffPeople(StaffService staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public Mono<Person> find(long staffId) {
        Instant now = clock.instant();
        return staff.person(staffId)
                .onErrorResume(org.mashlive.staff.StaffNotFoundException.class, missing -> Mono.empty())
                .flatMap(person -> Mono.zip(staff.rota(now),
                                staff.shifts(now, now.plus(LOOK_AHEAD), staffId).collectList())
                        .map(both -> person(person, both.getT1(), both.getT2(), now)));
    }

    @Override
    public Flux<Person> all() {
        Instant now = clock.instant();
        return Mono.zip(staff.people(false).collectList(), staff.rota(now),
                        staff.shifts(now, now.plus(LOOK_AHEAD), null).collectList())
                .flatMapMany(all -> {
                    Map<Long, List<Shift>> shifts = all.getT3().stream()
                            .collect(Collectors.groupingBy(Shift::staffId));
                    return Flux.fromIterable(all.getT1())
                            .sort(Comparator.comparing(org.mashlive.staff.Person::displayName)
                                    .thenComparing(org.mashlive.staff.Person::id))
                            .map(person -> person(person, all.getT2(), shifts.getOrDefault(person.id(), List.of()), now));
                });
    }

    private static Person person(org.mashlive.staff.Person person, Rota rota, List<Shift> shifts, Instant now) {
        var presence = person.active() ? rota.presence(person.card(), now) : Presence.OFF;
        Instant next = shifts.stream().map(Shift::start).filter(start -> start.isAfter(now)).min(Instant::compareTo)
                .orElse(null);
        return new Person(person.id(), person.displayName(), person.role().name(), person.active(),
                presence != Presence.OFF, presence == Presence.ON_BREAK, next);
    }
}

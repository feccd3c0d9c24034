package org.mashlive.partner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mashlive.board.api.Agency;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.Rag;
import org.mashlive.platform.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * When a partner's answer is due: Red requests after an elapsed time, Amber and Green after working
 * time on the hub's calendar (a Friday afternoon Amber request is not late on Sunday), each from
 * {@link PartnerProperties}.
 */
@Component
class ResponseTimes {

    /** Every name an entry may have: {@code DEFAULT}, the agencies and the health services. */
    static final List<String> NAMES = names();

    private final PartnerProperties properties;
    private final WorkingCalendar calendar;

    ResponseTimes(PartnerProperties properties, WorkingCalendar calendar) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** When a request sent at {@code requestedAt} to {@code agency} ({@code service} for health) under {@code rag} is due. */
    Instant dueAt(Instant requestedAt, Agency agency, HealthService service, Rag rag) {
        Duration allowed = allowed(agency, service, rag);
        return rag == Rag.RED ? requestedAt.plus(allowed) : calendar.plusWorkingTime(requestedAt, allowed);
    }

    /** The time allowed: elapsed for Red, working time otherwise. */
    Duration allowed(Agency agency, HealthService service, Rag rag) {
        var entries = new ArrayList<PartnerProperties.ResponseTime>();
        if (service != null) {
            entries.add(properties.responseTimes().get(service.name()));
        }
        entries.add(properties.responseTimes().get(agency.name()));
        entries.add(properties.responseTimes().get("DEFAULT"));
        entries.add(PartnerProperties.DEFAULT);
        for (var entry : entries) {
            if (entry == null) {
                continue;
            }
            Duration value = switch (rag) {
                case RED -> entry.red();
                case AMBER -> entry.amber();
                case GREEN -> entry.green();
            };
            if (value != null) {
                return value;
            }
        }
        throw new IllegalStateException("no response time for " + rag);
    }

    private static List<String> names() {
        var names = new ArrayList<String>();
        names.add("DEFAULT");
        for (var agency : Agency.values()) {
            names.add(agency.name());
        }
        for (var service : HealthService.values()) {
            names.add(service.name());
        }
        return List.copyOf(names);
    }
}

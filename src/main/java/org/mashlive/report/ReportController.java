package org.mashlive.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.mashlive.platform.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reports/front-door?from=2026-10-01&to=2026-10-31}: the front-door report for the
 * days {@code from} to {@code to} inclusive (days in the hub's zone, {@code mash.calendar.zone}), as JSON or, for {@code Accept: text/csv},
 * as CSV. Service heads and administrators only (see the API's security rules).
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    /** The longest period one report covers: a year and a bit, so a year-on-year period fits. */
    static final long MAX_DAYS = 400;

    static final String TEXT_CSV = "text/csv";

    private final FrontDoorReports reports;

    ReportController(FrontDoorReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/front-door", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<FrontDoorReport> frontDoor(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        return Mono.fromCallable(() -> Period.of(from, to))
                .flatMap(period -> reports.report(period.from(), period.to()));
    }

    @GetMapping(path = "/front-door", produces = TEXT_CSV)
    Mono<String> frontDoorCsv(@RequestParam(required = false) String from,
                              @RequestParam(required = false) String to) {
        return frontDoor(from, to).map(FrontDoorReport::csv);
    }

    /** A checked period; every refusal names the parameter at fault. */
    record Period(LocalDate from, LocalDate to) {

        static Period of(String from, String to) {
            LocalDate first = date("from", from);
            LocalDate last = date("to", to);
            if (last.isBefore(first)) {
                throw new InvalidInputException("to", "must not be before from (" + first + ")");
            }
            long days = ChronoUnit.DAYS.between(first, last) + 1;
            if (days > MAX_DAYS) {
                throw new InvalidInputException("to", "must be at most " + MAX_DAYS + " days after from, the period was "
                        + days + " days");
            }
            return new Period(first, last);
        }

        private static LocalDate date(String parameter, String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException(parameter, "is required, a date such as 2026-10-01");
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(parameter, "must be a date such as 2026-10-01");
            }
        }
    }
}

package org.mashlive.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The backend's {@link WorkingCalendar}, built from {@link CalendarProperties}. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /** Classpath location of the default bank holidays, used when none are configured. */
    static final String DEFAULT_BANK_HOLIDAYS = "calendar/bank-holidays-england-and-wales.txt";

    @Bean
    WorkingCalendar workingCalendar(CalendarProperties properties) {
        Set<LocalDate> holidays = properties.bankHolidays() == null || properties.bankHolidays().isEmpty()
                ? loadBankHolidays(DEFAULT_BANK_HOLIDAYS)
                : properties.bankHolidays();
        return new WorkingCalendar(properties.zone(), properties.dayStart(), properties.dayEnd(),
                properties.workingDays(), holidays);
    }

    /**
     * Reads a bank-holiday list from the classpath, in the format {@link #parseBankHolidays} reads.
     *
     * @throws IllegalStateException naming the resource when it is missing or a line is not a date
     */
    static Set<LocalDate> loadBankHolidays(String resource) {
        ClassLoader loader = CalendarConfiguration.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bank-holiday list " + resource + " is not on the classpath");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parseBankHolidays(resource, reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bank-holiday list " + resource, e);
        }
    }

    /**
     * Parses a bank-holiday list: one ISO date ({@code 2026-12-25}) per line; {@code #} starts a
     * comment that runs to the end of the line; blank lines are skipped.
     *
     * @param source names the list in error messages
     * @throws IllegalStateException naming the source and line number of a line that is not a date
     */
    static Set<LocalDate> parseBankHolidays(String source, List<String> lines) {
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("bank-holiday list " + source + " line " + (i + 1)
                        + ": '" + text + "' is not an ISO date like 2026-12-25", e);
            }
        }
        return Set.copyOf(dates);
    }
}

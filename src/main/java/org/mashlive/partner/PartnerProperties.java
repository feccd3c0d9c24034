package org.mashlive.partner;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a partner has to answer, by the request's RAG: Red in elapsed hours (a Red request is
 * chased at night too), Amber and Green in working hours on the hub's calendar.
 * {@code mash.partners.response-times.default} applies to every agency; an entry named after an
 * agency ({@code POLICE}, {@code HEALTH}, {@code OTHER_LOCAL_AUTHORITY}, …) or a health service
 * ({@code GP}, {@code ACUTE_TRUST}, …) overrides it, a service's entry before its agency's, field by
 * field. Names are read in any case, with {@code -} or {@code _}.
 *
 * @param responseTimes the entries by name
 * @throws IllegalArgumentException naming the property when a time is not positive or a name is unknown
 */
@ConfigurationProperties("mash.partners")
record PartnerProperties(Map<String, ResponseTime> responseTimes) {

    /** The built-in default: Red 4 hours elapsed, Amber 16 working hours (two days), Green 40 (five). */
    static final ResponseTime DEFAULT = new ResponseTime(Duration.ofHours(4), Duration.ofHours(16),
            Duration.ofHours(40));

    PartnerProperties {
        var normalised = new HashMap<String, ResponseTime>();
        if (responseTimes != null) {
            responseTimes.forEach((name, times) -> {
                String key = key(name);
                if (!ResponseTimes.NAMES.contains(key)) {
                    throw new IllegalArgumentException("mash.partners.response-times." + name
                            + " names no agency or health service; known: " + String.join(", ", ResponseTimes.NAMES));
                }
                if (times != null) {
                    times.check("mash.partners.response-times." + name);
                    normalised.put(key, times);
                }
            });
        }
        responseTimes = Map.copyOf(normalised);
    }

    /** {@code acute-trust} and {@code Acute_Trust} alike as {@code ACUTE_TRUST}. */
    static String key(String name) {
        return name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * Response times of one entry; a field left out is taken from the next entry down.
     *
     * @param red   elapsed time for a Red request
     * @param amber working time for an Amber request
     * @param green working time for a Green request
     */
    record ResponseTime(Duration red, Duration amber, Duration green) {

        void check(String property) {
            positive(property + ".red", red);
            positive(property + ".amber", amber);
            positive(property + ".green", green);
        }

        private static void positive(String property, Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException(property + " must be positive, was " + value);
            }
        }
    }
}

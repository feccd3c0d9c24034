package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mashlive.capacity.api.BreachForecast;
import org.mashlive.capacity.api.BreachForecast.Horizon;

/** The forecast in words. 10 March 2026 is a Tuesday on GMT; 16 March the Monday after. */
class ForecastTextTest {

    private static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant FIVE = Instant.parse("2026-03-10T17:00:00Z");

    private static BreachForecast forecast(Horizon endOfDay, Integer extra) {
        return new BreachForecast(AT, 1.0, new Horizon(AT.plusSeconds(4 * 3600), 0, 0, 0, 0), endOfDay, extra);
    }

    @Test
    void nothingToBreachSaysSo() {
        assertThat(ForecastText.endOfDay(forecast(new Horizon(FIVE, 0, 0, 0, 0), 0), org.mashlive.TestZone.LONDON))
                .isEqualTo("At today's pace no referral will breach by 17:00.");
        assertThat(ForecastText.next4Hours(forecast(new Horizon(FIVE, 0, 0, 0, 0), 0), org.mashlive.TestZone.LONDON))
                .isEqualTo("None forecast to breach in the next 4 hours (by 14:00)");
    }

    @Test
    void breachesAreNamedByRagWithWhatWouldClearThem() {
        assertThat(ForecastText.endOfDay(forecast(new Horizon(FIVE, 2, 0, 1, 1), null), org.mashlive.TestZone.LONDON)).isEqualTo(
                "At today's pace 2 Red, 1 Green and 1 not rated will breach by 17:00; "
                        + "5 more social workers on shift would not clear them.");
    }

    @Test
    void aForecastMadeAfterHoursIsForTheNextWorkingDay() {
        var friday = Instant.parse("2026-03-13T18:00:00Z");
        var monday = Instant.parse("2026-03-16T17:00:00Z");
        var forecast = new BreachForecast(friday, 1.0, new Horizon(friday.plusSeconds(4 * 3600), 0, 0, 0, 0),
                new Horizon(monday, 0, 1, 0, 0), 1);
        assertThat(ForecastText.endOfDay(forecast, org.mashlive.TestZone.LONDON))
                .isEqualTo("At today's pace 1 Amber will breach by Mon 17:00; 1 more social worker on shift would clear them.");
    }

    @Test
    void noForecastIsSaidInWordsNotAsZero() {
        assertThat(ForecastText.endOfDay(null, org.mashlive.TestZone.LONDON)).isEqualTo(ForecastText.UNKNOWN);
    }
}

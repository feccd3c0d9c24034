package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.capacity.api.CapacitySummary;
import org.mashlive.capacity.api.DailyArrivals;
import org.mashlive.capacity.api.DailyTimeliness;
import org.mashlive.capacity.api.PartnerRequests;
import org.mashlive.capacity.api.RoleStaffing;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;

/** The capacity view without a browser: figures, trend lines, staffing and the Grafana links. */
class CapacityViewTest extends BrowserlessTest {

    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private volatile CapacitySummary summary;

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(org.mashlive.testing.TestInstantiatorFactory.class);
    }

    CapacityViewTest() {
        TestViews.capacity = () -> Optional.ofNullable(summary);
    }

    /** Fourteen days: police 2 a day and health 1, the last day 5 police; Red half within timescale today. */
    private static CapacitySummary knownSummary() {
        var arrivals = new ArrayList<DailyArrivals>();
        var timeliness = new ArrayList<DailyTimeliness>();
        for (int i = 13; i >= 0; i--) {
            var day = TODAY.minusDays(i);
            int police = i == 0 ? 5 : 2;
            arrivals.add(new DailyArrivals(day, Map.of(Source.POLICE, police, Source.HEALTH, 1),
                    Map.of(Channel.POLICE_NOTIFICATION, police, Channel.EMAIL, 1), 0, 1));
            timeliness.add(new DailyTimeliness(day, List.of(
                    new DailyTimeliness.RagTimeliness(Rag.RED, i == 0 ? 2 : 0, i == 0 ? 1 : 0),
                    new DailyTimeliness.RagTimeliness(Rag.AMBER, 0, 0),
                    new DailyTimeliness.RagTimeliness(Rag.GREEN, 0, 0),
                    new DailyTimeliness.RagTimeliness(null, 0, 0))));
        }
        return new CapacitySummary(NOW, TODAY, 23, 4, 6, 3.0, arrivals, timeliness, 0.125, 14, List.of(), List.of());
    }

    private String text(String id) {
        return $(Component.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void saysItIsWaitingUntilTheFirstFiguresArrive() {
        summary = null;
        var view = navigate("capacity", CapacityView.class);
        view.refresh();
        assertThat(text("capacity-waiting")).contains("Waiting for the capacity figures");
    }

    @Test
    void showsTheForecastOfTheDayAndOfTheNextFourHours() {
        summary = knownSummary().withForecast(new org.mashlive.capacity.api.BreachForecast(NOW, 1.25,
                new org.mashlive.capacity.api.BreachForecast.Horizon(NOW.plus(Duration.ofHours(4)), 1, 0, 0, 0),
                new org.mashlive.capacity.api.BreachForecast.Horizon(Instant.parse("2026-03-10T17:00:00Z"), 1, 3, 0, 0),
                2));
        var view = navigate("capacity", CapacityView.class);
        view.refresh();
        assertThat(text("capacity-forecast-day")).isEqualTo(
                "At today's pace 1 Red and 3 Amber will breach by 17:00; 2 more social workers on shift would clear them.");
        assertThat(text("capacity-forecast-next")).isEqualTo("1 Red forecast to breach in the next 4 hours (by 18:00)");
        assertThat(text("capacity-forecast-pace")).startsWith("Recent pace: 1.25 decisions an hour");

        // no deciding hours in the last day: no forecast, and the view says why instead of a made-up zero
        summary = knownSummary();
        view.refresh();
        assertThat(text("capacity-forecast-day")).isEqualTo(ForecastText.UNKNOWN);
        assertThat($(Component.class).withId("capacity-forecast-next").exists()).isFalse();
    }

    @Test
    void showsTheFiguresNowAndTheFourteenDayTrendsAsSvg() {
        summary = knownSummary();
        var view = navigate("capacity", CapacityView.class);
        view.refresh();

        assertThat(text("capacity-open")).isEqualTo("23");
        assertThat(text("capacity-breached")).isEqualTo("4");
        assertThat(text("capacity-arrivals-today")).isEqualTo("6");
        assertThat(text("capacity-average")).isEqualTo("3.0");
        assertThat(text("capacity-rereferral-rate")).isEqualTo("13%");
        assertThat(text("capacity-out-of-hours")).isEqualTo("14");
        // 13 days of 2 and one of 5
        assertThat(text("trend-arrivals-police")).isEqualTo("Police 31");
        assertThat(text("trend-arrivals-health")).isEqualTo("Health 14");
        assertThat(text("trend-timeliness-red")).isEqualTo("Red 50% of 2");
        assertThat(text("trend-timeliness-amber")).isEqualTo("Amber no decisions");

        String arrivalsSvg = $(Component.class).id("trend-arrivals").getElement().getOuterHTML();
        assertThat(arrivalsSvg).startsWith("<svg").contains("polyline class=\"source-police\"");
        // fourteen points on the police line
        String police = arrivalsSvg.replaceAll("(?s).*class=\"source-police\" fill=\"none\" vector-effect=\"non-scaling-stroke\" points=\"([^\"]*)\".*", "$1");
        assertThat(police.trim().split(" ")).hasSize(14);
        String timelinessSvg = $(Component.class).id("trend-timeliness").getElement().getOuterHTML();
        assertThat(timelinessSvg).contains("class=\"rag-red\"");
        assertThat(text("capacity-workforce-lines")).contains("No staffing figures yet");
    }

    @Test
    void showsOnDutyAgainstEstablishmentVacanciesCaseloadsAndTheQueuePerAvailableWorker() {
        var known = knownSummary();
        summary = new CapacitySummary(NOW, TODAY, 23, 4, 6, 3.0, known.arrivals(), known.timeliness(), 0.125, 14,
                List.of(new RoleStaffing("MASH social work", "SOCIAL_WORKER", 5, 8, 1.6, 14, 7),
                        new RoleStaffing("unassigned", "MASH_HEALTH_PRACTITIONER", 0, 1, 1, 0, 0)),
                List.of(new PartnerRequests("police", 3, Duration.ofMinutes(95))), 10);
        var view = navigate("capacity", CapacityView.class);
        view.refresh();

        assertThat(text("capacity-available")).isEqualTo("10");
        // 23 open over 10 available
        assertThat(text("capacity-per-available")).isEqualTo("2.3");
        assertThat(text("workforce-line-0")).contains("MASH social work · Social worker")
                .contains("5 on duty of 8.0 posts, 1.6 vacant, caseload 2.0 per worker (14 open, 7 people)");
        assertThat(text("workforce-line-1")).contains("unassigned · MASH health practitioner")
                .contains("0 on duty of 1.0 posts, 1.0 vacant, caseload none in post");
        assertThat(text("partner-police")).contains("police requests outstanding").contains("3, oldest");
        assertThat(text("capacity-workforce-lines")).doesNotContain("No staffing figures yet");
    }

    @Test
    void theQueuePerAvailableWorkerIsInfiniteWithNobodyAvailable() {
        var known = knownSummary();
        summary = new CapacitySummary(NOW, TODAY, 23, 4, 6, 3.0, known.arrivals(), known.timeliness(), 0.125, 14,
                List.of(new RoleStaffing("Out of hours", "OOH_DUTY_SOCIAL_WORKER", 0, 4, 0, 0, 4)), List.of(), 0);
        var view = navigate("capacity", CapacityView.class);
        view.refresh();
        assertThat(text("capacity-per-available")).isEqualTo("∞");
    }

    @Test
    void showsNewFiguresWhileOpenWithoutBeingAsked() {
        summary = null;
        navigate("capacity", CapacityView.class);
        assertThat(text("capacity-waiting")).contains("Waiting for the capacity figures");

        // within a tick or two: a deadline with room for a busy machine
        summary = knownSummary();
        await().pollInSameThread().atMost(java.time.Duration.ofSeconds(30))
                .ignoreException(java.util.NoSuchElementException.class).untilAsserted(() -> {
            roundTrip();
            assertThat(text("capacity-open")).isEqualTo("23");
        });
        assertThat(text("capacity-as-of")).isEqualTo("Figures as of 14:00");
    }

    @Test
    void linksToEachGrafanaDashboard() {
        summary = knownSummary();
        navigate("capacity", CapacityView.class);
        var links = $(Anchor.class).all().stream().map(Anchor::getHref).toList();
        assertThat(links).containsExactly("http://grafana.test:3000/d/mash-demand",
                "http://grafana.test:3000/d/mash-timeliness", "http://grafana.test:3000/d/mash-capacity",
                "http://grafana.test:3000/d/mash-platform");
    }

    @Test
    void offersTheReportOfAChosenPeriodAsADownloadAndSaysWhenItIsRefused() {
        summary = knownSummary();
        var asked = new ArrayList<String>();
        TestViews.reports = (from, to) -> {
            asked.add(from + ".." + to);
            if (from.compareTo(to) > 0) {
                throw new org.mashlive.wallboard.DutyException(org.mashlive.wallboard.DutyException.Kind.REFUSED,
                        "to: must not be before from (" + from + ")");
            }
            return "figure,value\r\ncontacts,42\r\n";
        };
        try {
            navigate("capacity", CapacityView.class);
            var download = $(ReportDownload.class).single();
            // last month by default
            assertThat(download.from.getValue()).isEqualTo(LocalDate.of(2026, 2, 1));
            assertThat(download.to.getValue()).isEqualTo(LocalDate.of(2026, 2, 28));
            test(download.prepare).click();
            assertThat(asked).containsExactly("2026-02-01..2026-02-28");
            var link = $(Anchor.class).id("report-link");
            assertThat(link.getText()).isEqualTo("Download front-door-report-2026-02-01-to-2026-02-28.csv");
            assertThat(download.csv).isEqualTo("figure,value\r\ncontacts,42\r\n");

            download.from.setValue(LocalDate.of(2026, 3, 1));
            test(download.prepare).click();
            assertThat($(com.vaadin.flow.component.notification.Notification.class).all().stream()
                    .filter(com.vaadin.flow.component.notification.Notification::isOpened)
                    .map(n -> test(n).getText()))
                    .contains("The report was not made: to: must not be before from (2026-03-01)");
            assertThat($(Anchor.class).all()).noneMatch(a -> "report-link".equals(a.getId().orElse("")));
        } finally {
            TestViews.reports = (from, to) -> {
                throw new org.mashlive.wallboard.DutyException(org.mashlive.wallboard.DutyException.Kind.REFUSED,
                        "not in this test");
            };
        }
    }
}

package org.mashlive.capacity;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.capacity.api.BreachForecast;
import org.mashlive.platform.PeriodicMeters;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code mash_forecast_breaches{horizon="next_4h"|"end_of_core_hours"}}: the breaches forecast
 * ({@link Forecaster}), made afresh every {@code mash.capacity.refresh}; NaN while no forecast can
 * be made, so Grafana shows a gap rather than a made-up zero.
 */
@Component
class ForecastMeters extends PeriodicMeters {

    private final CapacityService capacity;
    private final java.time.Clock clock;
    private final AtomicReference<BreachForecast> latest = new AtomicReference<>();

    ForecastMeters(CapacityService capacity, CapacityProperties properties, MeterRegistry registry,
                   java.time.Clock clock) {
        super(properties.refresh(), "The breach forecast could not be made; the meter keeps its last value");
        this.capacity = capacity;
        this.clock = clock;
        gauge(registry, "next_4h", forecast -> forecast.next4Hours().total());
        gauge(registry, "end_of_core_hours", forecast -> forecast.endOfCoreHours().total());
    }

    private void gauge(MeterRegistry registry, String horizon, ToDoubleFunction<BreachForecast> value) {
        Gauge.builder("mash.forecast.breaches", latest, ref -> {
                    var forecast = ref.get();
                    return forecast == null ? Double.NaN : value.applyAsDouble(forecast);
                })
                .description("Open referrals forecast to breach at the recent pace with the rota, by horizon")
                .tag("horizon", horizon)
                .register(registry);
    }

    @Override
    protected Mono<Void> refresh() {
        return capacity.forecast(clock.instant())
                .doOnNext(latest::set)
                .switchIfEmpty(Mono.fromRunnable(() -> latest.set(null)))
                .then();
    }
}

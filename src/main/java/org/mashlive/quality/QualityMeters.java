package org.mashlive.quality;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Quality assurance as meters: decisions sampled, and grades given by grade. Every grade's counter
 * exists from the start at zero, so a dashboard's query has a series before the first grade; the
 * label takes only the four grades.
 */
@Component
class QualityMeters {

    private final Counter sampled;
    private final Map<QualityAssurance.Grade, Counter> grades = new EnumMap<>(QualityAssurance.Grade.class);

    QualityMeters(MeterRegistry registry) {
        sampled = Counter.builder("mash.qa.sampled").description("Decisions drawn into a weekly QA sample")
                .register(registry);
        for (var grade : QualityAssurance.Grade.values()) {
            grades.put(grade, Counter.builder("mash.qa.grades")
                    .description("Sampled decisions graded, by overall grade")
                    .tag("grade", grade.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry));
        }
    }

    void sampled(int decisions) {
        sampled.increment(decisions);
    }

    void graded(String grade) {
        grades.get(QualityAssurance.Grade.valueOf(grade)).increment();
    }
}

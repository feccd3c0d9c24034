package org.mashlive.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The weekly QA sample: the same seed and population give the same sample, whatever order the
 * population comes in; every stratum's count is within one of its share; nothing is drawn twice.
 */
class SamplerTest {

    private static final List<String> SOURCES = List.of("POLICE", "HEALTH", "EDUCATION", "FAMILY_SELF", "VOLUNTARY",
            "OTHER_LOCAL_AUTHORITY", "BORDER_FORCE");
    private static final List<String> RAGS = List.of("RED", "AMBER", "GREEN", "UNRATED");

    /** A week of {@code size} decisions, skewed as a front door's are: mostly police and Amber. */
    private static List<Sampler.Candidate> week(int size, long seed) {
        var random = new Random(seed);
        var week = new ArrayList<Sampler.Candidate>();
        for (int i = 0; i < size; i++) {
            String source = SOURCES.get(Math.min(SOURCES.size() - 1, (int) Math.abs(random.nextGaussian() * 2)));
            String rag = RAGS.get(Math.min(RAGS.size() - 1, (int) Math.abs(random.nextGaussian() * 1.3)));
            week.add(new Sampler.Candidate(1000 + i * 7L, 5000 + i, source + "/" + rag));
        }
        return week;
    }

    @Test
    void theSameSeedAndWeekDrawTheSameSampleInAnyOrder() {
        var week = week(400, 1);
        var first = Sampler.draw(week, 20261130L, 0.05);
        var shuffled = new ArrayList<>(week);
        Collections.shuffle(shuffled, new Random(3));
        assertThat(Sampler.draw(shuffled, 20261130L, 0.05)).isEqualTo(first);
        assertThat(first).hasSize(20);
        // another seed draws another sample of the same size
        var other = Sampler.draw(week, 20261131L, 0.05);
        assertThat(other).hasSize(20).isNotEqualTo(first);
    }

    @Test
    void aKnownSeedKeepsDrawingTheSameDecisions() {
        // written down once: a change to the algorithm would make old seeds draw other decisions
        var week = List.of(new Sampler.Candidate(1, 11, "POLICE/AMBER"), new Sampler.Candidate(2, 12, "POLICE/AMBER"),
                new Sampler.Candidate(3, 13, "POLICE/AMBER"), new Sampler.Candidate(4, 14, "POLICE/AMBER"),
                new Sampler.Candidate(5, 15, "HEALTH/RED"), new Sampler.Candidate(6, 16, "HEALTH/RED"));
        var sample = Sampler.draw(week, 7L, 0.5);
        assertThat(Sampler.draw(week, 7L, 0.5)).isEqualTo(sample);
        assertThat(sample).extracting(Sampler.Candidate::referralId).containsExactly(5L, 2L, 3L);
    }

    @Test
    void everyStratumIsWithinOneOfItsShareAndNoDecisionIsDrawnTwice() {
        for (int size : new int[] {1, 3, 19, 20, 21, 57, 140, 333, 1000}) {
            for (long s = 0; s < 25; s++) {
                long seed = s;
                var week = week(size, seed * 31 + size);
                var sample = Sampler.draw(week, seed, 0.05);
                Map<String, Long> population = week.stream()
                        .collect(Collectors.groupingBy(Sampler.Candidate::stratum, Collectors.counting()));
                Map<String, Long> drawn = sample.stream()
                        .collect(Collectors.groupingBy(Sampler.Candidate::stratum, Collectors.counting()));
                population.forEach((stratum, count) -> assertThat(
                        Math.abs(drawn.getOrDefault(stratum, 0L) - count * 0.05))
                        .as("%s of %d decisions, seed %d", stratum, size, seed).isLessThan(1.0));
                assertThat(sample).as("size of %d decisions", size)
                        .hasSize(Math.max(1, (int) Math.round(size * 0.05)));
                assertThat(new HashSet<>(sample)).hasSameSizeAs(sample);
                assertThat(sample.stream().map(Sampler.Candidate::referralId).distinct().count())
                        .isEqualTo(sample.size());
                assertThat(week).containsAll(sample);
            }
        }
    }

    @Test
    void anEmptyWeekDrawsNothingAndAQuietWeekStillGetsOne() {
        assertThat(Sampler.draw(List.of(), 1, 0.05)).isEmpty();
        assertThat(Sampler.draw(List.of(new Sampler.Candidate(1, 2, "POLICE/RED")), 1, 0.05)).hasSize(1);
    }

    @Test
    void theWholeWeekAtAShareOfOne() {
        var week = week(37, 5);
        assertThat(Sampler.draw(week, 9, 1.0)).containsExactlyInAnyOrderElementsOf(week);
    }
}

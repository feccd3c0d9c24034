package org.mashlive.quality.api;

import java.time.Instant;
import java.util.List;

/**
 * A week's QA sample.
 *
 * @param week        the ISO week, {@code 2026-W48}
 * @param weekStart   its first instant (Monday 00:00 in the hub's zone)
 * @param weekEnd     the instant after its last
 * @param seed        the seed it was drawn with: the same seed, week and population draw the same sample
 * @param share       the share of each stratum drawn (0.05 by default)
 * @param population  the decisions it was drawn from: those closed in the week up to {@code drawnAt}
 * @param drawnAt     when it was drawn
 * @param drawnByName who drew it
 * @param created     whether this request drew it (false: it had been drawn before, and is answered as it was)
 * @param decisions   the sampled decisions, by stratum then reference
 */
public record QaSample(String week, Instant weekStart, Instant weekEnd, long seed, double share, int population,
                       Instant drawnAt, String drawnByName, boolean created, List<SampledDecision> decisions) {
}

package org.mashlive.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Draws a stratified sample, reproducibly. The population is split into strata (source and RAG);
 * each stratum's quota is {@code share} of its size. The sample's size is that share of the whole,
 * rounded, and at least one of a week with any decision; each stratum gets the whole part of its quota,
 * and the places left go to the strata with the largest fractions (ties in the seed's order). So every
 * stratum's count is within one of its quota. Within a stratum the members are shuffled with the seed.
 *
 * <p>{@link Random} is used because its sequence for a seed is fixed by its specification: the same
 * seed and population give the same sample on any JVM, now and later.
 */
final class Sampler {

    /** One decision that may be drawn. */
    record Candidate(long referralId, long decisionId, String stratum) {
    }

    private Sampler() {
    }

    /** The size of the sample of {@code population} decisions. */
    static int size(int population, double share) {
        if (population == 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(population, Math.round(population * share)));
    }

    /**
     * The sample of {@code population} at {@code share} with {@code seed}, by stratum then referral.
     * The order of {@code population} does not matter.
     */
    static List<Candidate> draw(List<Candidate> population, long seed, double share) {
        var strata = new TreeMap<String, List<Candidate>>();
        for (var candidate : population) {
            strata.computeIfAbsent(candidate.stratum(), key -> new ArrayList<>()).add(candidate);
        }
        strata.values().forEach(members -> members.sort(Comparator.comparingLong(Candidate::referralId)));
        var random = new Random(seed);
        var counts = quotas(strata, share, size(population.size(), share), random);
        var sample = new ArrayList<Candidate>();
        for (var stratum : strata.entrySet()) {
            var members = new ArrayList<>(stratum.getValue());
            int take = counts.get(stratum.getKey());
            // the first `take` places of a Fisher–Yates shuffle
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(members.size() - i);
                var swap = members.get(i);
                members.set(i, members.get(j));
                members.set(j, swap);
            }
            var chosen = new ArrayList<>(members.subList(0, take));
            chosen.sort(Comparator.comparingLong(Candidate::referralId));
            sample.addAll(chosen);
        }
        return List.copyOf(sample);
    }

    /** How many each stratum gives: the whole part of its quota, the rest by largest fraction. */
    private static Map<String, Integer> quotas(TreeMap<String, List<Candidate>> strata, double share, int size,
                                               Random random) {
        record Part(String stratum, int whole, double fraction, long tie) {
        }
        var parts = new ArrayList<Part>();
        int given = 0;
        for (var stratum : strata.entrySet()) {
            double quota = stratum.getValue().size() * share;
            int whole = (int) Math.floor(quota + 1e-9);
            parts.add(new Part(stratum.getKey(), whole, Math.max(0, quota - whole), random.nextLong()));
            given += whole;
        }
        var counts = new TreeMap<String, Integer>();
        parts.forEach(part -> counts.put(part.stratum(), part.whole()));
        parts.sort(Comparator.comparingDouble(Part::fraction).reversed().thenComparingLong(Part::tie));
        for (int i = 0; i < size - given && i < parts.size(); i++) {
            // a stratum whose quota is whole gets nothing more: only those with a fraction do
            if (parts.get(i).fraction() <= 1e-9) {
                break;
            }
            counts.merge(parts.get(i).stratum(), 1, Integer::sum);
        }
        return counts;
    }
}

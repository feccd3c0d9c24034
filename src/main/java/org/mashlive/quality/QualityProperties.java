package org.mashlive.quality;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub assures the quality of its decisions ({@code mash.quality.*}).
 *
 * @param share     the share of each week's decisions sampled, in each stratum of source and RAG;
 *                  more than 0 and at most 1, by default 0.05
 * @param checklist the items each sampled decision is graded against, in the hub's words
 */
@ConfigurationProperties("mash.quality")
record QualityProperties(Double share, List<String> checklist) {

    static final double DEFAULT_SHARE = 0.05;

    static final List<String> DEFAULT_CHECKLIST = List.of("Threshold applied correctly", "Child's voice recorded",
            "Consent handled", "Partners consulted", "Timeliness");

    QualityProperties {
        share = share == null ? DEFAULT_SHARE : share;
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("mash.quality.share must be more than 0 and at most 1, it was " + share);
        }
        checklist = checklist == null || checklist.isEmpty() ? DEFAULT_CHECKLIST
                : checklist.stream().map(String::strip).toList();
        if (checklist.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("mash.quality.checklist has an empty item");
        }
        if (checklist.stream().distinct().count() != checklist.size()) {
            throw new IllegalArgumentException("mash.quality.checklist names an item twice");
        }
    }
}

package org.mashlive.wallboard;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;

/**
 * The words the screens use for the part of health a contact came from, and for a contact's source
 * with it ("Health · GP"): a service, never a person.
 */
public final class HealthWords {

    private static final Map<String, String> WORDS = Map.of(
            "GP", "GP",
            "ACUTE_TRUST", "acute",
            "COMMUNITY_HEALTH_VISITING", "health visiting",
            "SCHOOL_NURSING", "school nursing",
            "CHILD_DEVELOPMENT_CENTRE", "child development",
            "THERAPIES", "therapies",
            "CAMHS", "CAMHS");

    private HealthWords() {
    }

    /** The short word for a part of health ({@code ACUTE_TRUST} is "acute"); one not known here in lower case. */
    public static String of(String healthType) {
        return WORDS.getOrDefault(healthType, healthType.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** The source of a contact as the screens name it: "Health · GP" when health said which part of it. */
    public static String source(ReferralCard card) {
        return card.source() == Source.HEALTH && card.healthType() != null
                ? card.source().label() + " · " + of(card.healthType())
                : card.source().label();
    }

    /**
     * Health contacts by part of health, the most first, as many as fit in {@code width} characters
     * and the rest counted: "GP 3 · CAMHS 2 · acute 1 · 2 more". Empty when there are none.
     */
    public static String breakdown(Map<String, Integer> byType, int width) {
        List<Map.Entry<String, Integer>> sorted = byType.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        var text = new StringBuilder();
        int named = 0;
        int total = sorted.stream().mapToInt(Map.Entry::getValue).sum();
        int left = total;
        for (var entry : sorted) {
            String part = (text.isEmpty() ? "" : " · ") + of(entry.getKey()) + " " + entry.getValue();
            int restAfter = left - entry.getValue();
            String more = restAfter == 0 ? "" : " · " + restAfter + " more";
            if (named > 0 && text.length() + part.length() + more.length() > width) {
                break;
            }
            text.append(part);
            left = restAfter;
            named++;
        }
        if (left > 0) {
            text.append(" · ").append(left).append(" more");
        }
        return text.toString();
    }
}

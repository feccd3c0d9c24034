package org.mashlive.quality.api;

import java.util.List;

/**
 * What a grade is given against, as the hub configured it.
 *
 * @param items   the checklist's items, in order
 * @param answers the answers an item may have
 * @param grades  the overall grades, best first
 */
public record Checklist(List<String> items, List<String> answers, List<String> grades) {
}

package org.mashlive.quality.api;

/** One item of the checklist and its answer ({@code MET}, {@code PARTLY_MET}, {@code NOT_MET}, {@code NOT_APPLICABLE}). */
public record QaAnswer(String item, String answer) {
}

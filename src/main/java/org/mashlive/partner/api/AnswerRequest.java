package org.mashlive.partner.api;

/**
 * A partner's answer.
 *
 * @param requestId         the request answered
 * @param summary           what the partner said (kept for duty leads, never on the board); may be
 *                          absent only when {@code noInformationHeld}
 * @param noInformationHeld true when the partner holds no information: an answer all the same
 */
public record AnswerRequest(Long requestId, String summary, Boolean noInformationHeld) {
}

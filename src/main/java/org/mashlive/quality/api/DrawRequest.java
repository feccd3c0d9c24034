package org.mashlive.quality.api;

/**
 * Draw a week's sample.
 *
 * @param week the ISO week, {@code 2026-W48}; the current week (in the hub's zone) when absent
 * @param seed the seed to draw with, to repeat a draw elsewhere; a fresh random one when absent
 */
public record DrawRequest(String week, Long seed) {
}

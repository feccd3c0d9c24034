/**
 * The kiosk wall-board: {@link org.mashlive.wallboard.board.BoardView} and one component per tile,
 * each building its part of the page once and bringing it up to date on every render. It reads
 * the board through {@link org.mashlive.wallboard.BoardFeed} and knows nothing of how the figures
 * reach it.
 */
package org.mashlive.wallboard.board;

/**
 * What clients of the live board use: the records that travel on the RSocket routes, the route
 * names, and {@link org.mashlive.board.api.BoardState}, which folds a snapshot and its events
 * into the figures a board shows. Nothing here carries a child's name, address or date of birth.
 */
@org.springframework.modulith.NamedInterface("api")
package org.mashlive.board.api;

/**
 * The live board: the outbox of committed changes, PostgreSQL LISTEN/NOTIFY, the current
 * snapshot, and the resumable RSocket stream. Clients use {@code board.api} only.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.board;

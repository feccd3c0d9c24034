/**
 * The Vaadin views people look at: the kiosk wall-board. It sees the backend only through
 * {@code board.api} and RSocket.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "board :: api")
package org.mashlive.wallboard;

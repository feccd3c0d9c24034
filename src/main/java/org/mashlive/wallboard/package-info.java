/**
 * The Vaadin views people look at: the kiosk wall-board and the capacity view. It sees the backend
 * only through {@code board.api}, {@code capacity.api} and RSocket.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board :: api", "capacity :: api"})
package org.mashlive.wallboard;

package org.mashlive.kiosk.api;

/**
 * What an admin gives to make a kiosk token.
 *
 * @param name what the screen is (1 to 80 characters, one line)
 * @param team one of the hub's teams ({@link KioskRoutes#TEAMS}), or null or blank for the whole hub
 */
public record NewKiosk(String name, String team) {
}

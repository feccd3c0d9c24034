/** The admins' pages of the wall-board: the kiosk tokens of the hub's screens. */
package org.mashlive.wallboard.admin;

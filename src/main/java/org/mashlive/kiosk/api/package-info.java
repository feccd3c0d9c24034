/**
 * What clients of kiosk tokens use: the routes by which admins make, list and revoke them and a
 * wall-board checks one, their requests and answers, and the hash by which a token is known. A
 * token itself travels once, in the answer that makes it.
 */
@org.springframework.modulith.NamedInterface("api")
package org.mashlive.kiosk.api;

/**
 * Sign-in throttling and equal-time refusals, the same at every door: the backend's HTTP Basic and
 * RSocket sign-in, and the wall-board's login page. Plain Java; each context makes its own.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.signin;

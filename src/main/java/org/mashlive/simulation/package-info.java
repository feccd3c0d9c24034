/** The demo day: realistic arrivals, screening and decisions, on with the embedded database only. */
@org.springframework.modulith.ApplicationModule
package org.mashlive.simulation;

/**
 * What every backend module stands on: the embedded PostgreSQL default, the clock and the
 * working-hours calendar.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.platform;

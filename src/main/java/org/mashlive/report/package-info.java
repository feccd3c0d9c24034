/**
 * Exact reports for service heads: a period's front-door figures counted from the database (never
 * from Prometheus, whose {@code increase()} is an estimate), as JSON or CSV.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.report;

/**
 * What clients of partner requests use: the RSocket routes, their payloads and answers. A request's
 * detail carries the answer's summary, which may identify a child: for duty leads only.
 */
@org.springframework.modulith.NamedInterface("api")
package org.mashlive.partner.api;

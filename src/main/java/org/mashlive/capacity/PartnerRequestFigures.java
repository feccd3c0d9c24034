package org.mashlive.capacity;

import java.time.Instant;

import org.mashlive.capacity.api.PartnerRequests;
import reactor.core.publisher.Flux;

/**
 * Where the capacity figures learn the partner information requests (police checks, health and
 * school checks) outstanding: the module that allocates and tracks those checks provides one bean
 * of this type. Until it does, {@link #NONE} is used and {@code mash_partner_requests_*} report no
 * series.
 */
public interface PartnerRequestFigures {

    /** Reports nothing: no requests are tracked. */
    PartnerRequestFigures NONE = now -> Flux.empty();

    /** Requests outstanding at {@code now}, one entry per partner; must not block. */
    Flux<PartnerRequests> outstanding(Instant now);
}

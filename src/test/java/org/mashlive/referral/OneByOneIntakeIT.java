package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;

/**
 * Every intake test again with {@code mash.intake.group.max-size=1}: each contact in a transaction
 * of its own, one after the other, as before grouping, which the benchmark compares against.
 */
@BackendTest
@TestPropertySource(properties = "mash.intake.group.max-size=1")
class OneByOneIntakeIT extends ReferralIntakeIT {

    @Autowired
    MeterRegistry meters;

    @Test
    void aGroupOfOneTakesEachContactInItsOwnTransaction() {
        var sizes = meters.get("mash.intake.group.size").summary();
        long before = sizes.count();
        double members = sizes.totalAmount();
        var web = TestClients.web(port);
        List<Integer> statuses = Flux.range(0, 16)
                .flatMap(i -> web.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(TestReferrals.police()).retrieve().toBodilessEntity()
                        .map(response -> response.getStatusCode().value()), 16)
                .collectList().block();
        assertThat(statuses).hasSize(16).containsOnly(201);
        assertThat(sizes.count() - before).isEqualTo(16);
        assertThat(sizes.totalAmount() - members).isEqualTo(16);
        assertThat(referrals.intake().queued()).isZero();
    }

    @Autowired
    ReferralService referrals;
}

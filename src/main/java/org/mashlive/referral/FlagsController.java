package org.mashlive.referral;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mashlive.audit.Acting;
import org.mashlive.board.api.Flag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A child's flags on a referral over HTTP: {@code PUT /api/referrals/{ref}/flags} with the flags it
 * carries now and the reason. Refusals as the rest of the referral API ({@link ReferralProblems}).
 */
@RestController
@RequestMapping("/api/referrals")
class FlagsController {

    private final FlagChanges flags;
    private final Acting acting;

    FlagsController(FlagChanges flags, Acting acting) {
        this.flags = flags;
        this.acting = acting;
    }

    @PutMapping("/{ref}/flags")
    Mono<ReferralSummary> set(@PathVariable String ref, @Valid @RequestBody FlagsBody request,
                              ServerWebExchange exchange) {
        return exchange.getPrincipal().cast(Authentication.class).map(acting::of)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no signed-in caller")))
                .flatMap(by -> flags.set(ref, request.flags(), request.reason(), by))
                .map(ReferralSummary::of);
    }

    record FlagsBody(@NotNull List<@NotNull Flag> flags, @NotBlank @Size(max = FlagChanges.MAX_REASON) String reason) {
    }
}

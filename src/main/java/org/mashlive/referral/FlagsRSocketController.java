package org.mashlive.referral;

import java.util.ArrayList;
import java.util.List;

import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.CustomRSocketException;
import org.mashlive.audit.Acting;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.referral.api.FlagsRequest;
import org.mashlive.referral.api.ReferralRoutes;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The duty view's route for a child's flags, as the signed-in caller (who may call it is the security
 * module's rule). Errors as the other screening routes: {@link ReferralRoutes#CLOSED} for a decided
 * referral, otherwise a message naming the field and what it must be.
 */
@Controller
class FlagsRSocketController {

    private final FlagChanges flags;
    private final Acting acting;

    FlagsRSocketController(FlagChanges flags, Acting acting) {
        this.flags = flags;
        this.acting = acting;
    }

    @MessageMapping(ReferralRoutes.FLAGS)
    Mono<ReferralCard> set(FlagsRequest request) {
        return Mono.defer(() -> {
            if (request == null || request.reference() == null || request.reference().isBlank()) {
                throw new InvalidReferralException("reference", "must name the referral");
            }
            if (request.flags() == null) {
                throw new InvalidReferralException("flags", "must list the child's flags (an empty list clears them)");
            }
            var chosen = new ArrayList<Flag>();
            List<String> given = request.flags();
            for (int i = 0; i < given.size(); i++) {
                chosen.add(ScreeningRSocketController.value("flags[" + i + "]", given.get(i), Flag.class));
            }
            return acting.caller().flatMap(actor -> flags.set(request.reference(), chosen, request.reason(), actor));
        }).map(Referral::card);
    }

    @MessageExceptionHandler(ReferralClosedException.class)
    Mono<ReferralCard> closed(ReferralClosedException e) {
        return Mono.error(new CustomRSocketException(ReferralRoutes.CLOSED, e.getMessage()));
    }

    @MessageExceptionHandler({ReferralNotFoundException.class, InvalidReferralException.class,
            org.mashlive.platform.InvalidInputException.class})
    Mono<ReferralCard> refused(RuntimeException e) {
        return Mono.error(new ApplicationErrorException(e.getMessage()));
    }
}

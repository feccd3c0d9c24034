package org.mashlive.partner;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.CustomRSocketException;
import org.mashlive.audit.Acting;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.Rag;
import org.mashlive.partner.api.AnswerRequest;
import org.mashlive.partner.api.ChaseRequest;
import org.mashlive.partner.api.ChaseWay;
import org.mashlive.partner.api.NewPartnerRequest;
import org.mashlive.partner.api.PartnerRequestDetail;
import org.mashlive.partner.api.PartnerRoutes;
import org.mashlive.partner.api.ReferralRequests;
import org.mashlive.referral.ReferralClosedException;
import org.mashlive.referral.ReferralNotFoundException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The duty view's partner routes, as the signed-in caller (who may call them is the security
 * module's rule, the REST API's). Values arrive as text and are read here, so a wrong one is named
 * with what it must be; an answered request is {@link PartnerRoutes#ANSWERED}.
 */
@Controller
class PartnerRSocketController {

    private final PartnerRequests requests;
    private final Acting acting;

    PartnerRSocketController(PartnerRequests requests, Acting acting) {
        this.requests = requests;
        this.acting = acting;
    }

    @MessageMapping(PartnerRoutes.REQUEST)
    Mono<PartnerRequestDetail> request(NewPartnerRequest request) {
        return Mono.defer(() -> {
            Agency agency = value("agency", request.agency(), Agency.class);
            HealthService service = blank(request.healthService()) ? null
                    : value("healthService", request.healthService(), HealthService.class);
            Rag rag = blank(request.rag()) ? null : value("rag", request.rag(), Rag.class);
            var ask = new PartnerRequests.Ask(request.reference(), agency, service, rag, request.asked(), request.owner());
            return acting.caller().flatMap(actor -> requests.request(ask, actor));
        });
    }

    @MessageMapping(PartnerRoutes.CHASE)
    Mono<PartnerRequestDetail> chase(ChaseRequest request) {
        return Mono.defer(() -> {
            long id = id(request.requestId());
            ChaseWay how = value("how", request.how(), ChaseWay.class);
            return acting.caller().flatMap(actor -> requests.chase(id, how, request.note(), actor));
        });
    }

    @MessageMapping(PartnerRoutes.ANSWER)
    Mono<PartnerRequestDetail> answer(AnswerRequest request) {
        return Mono.defer(() -> {
            long id = id(request.requestId());
            return acting.caller().flatMap(actor -> requests.answer(id, request.summary(),
                    Boolean.TRUE.equals(request.noInformationHeld()), actor));
        });
    }

    @MessageMapping(PartnerRoutes.OF_REFERRAL)
    Mono<List<PartnerRequestDetail>> ofReferral(ReferralRequests request) {
        return Mono.defer(() -> requests.ofReferral(request.reference()).collectList());
    }

    @MessageExceptionHandler(AlreadyAnsweredException.class)
    Mono<PartnerRequestDetail> answered(AlreadyAnsweredException e) {
        return Mono.error(new CustomRSocketException(PartnerRoutes.ANSWERED, e.getMessage()));
    }

    @MessageExceptionHandler({ReferralNotFoundException.class, PartnerRequestNotFoundException.class,
            ReferralClosedException.class})
    Mono<PartnerRequestDetail> refused(RuntimeException e) {
        return Mono.error(new ApplicationErrorException(e.getMessage()));
    }

    private static long id(Long id) {
        if (id == null || id <= 0) {
            throw new InvalidPartnerRequestException("requestId", "must name the partner request");
        }
        return id;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The constant {@code text} names, or a refusal that lists the ones there are. */
    static <E extends Enum<E>> E value(String field, String text, Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (blank(text)) {
            throw new InvalidPartnerRequestException(field, "must be one of " + names);
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidPartnerRequestException(field, "must be one of " + names + "; it was '" + text + "'");
        }
    }
}

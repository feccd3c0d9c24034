package org.mashlive.referral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.Acting;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.api.IntakeAnswer;
import org.mashlive.referral.api.IntakeRequest;
import org.mashlive.referral.api.ReferralRoutes;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@value ReferralRoutes#INTAKE}: a contact entered on the intake screen. It becomes the
 * {@link NewReferral} the REST API would have read and is checked by the same constraints and the
 * same service, so the screen refuses exactly what the API refuses, naming the same field. The
 * answer shows each child's earlier referrals; each one shown is recorded in the audit trail,
 * on that earlier referral, as viewed by the caller, before the answer leaves.
 */
@Controller
class IntakeRSocketController {

    private final ReferralService referrals;
    private final ContactRepository contacts;
    private final Validator validator;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;
    private final java.time.Clock clock;
    private final Acting acting;

    IntakeRSocketController(ReferralService referrals, ContactRepository contacts, Validator validator,
                            AuditTrail audit, TransactionalOperator transaction, java.time.Clock clock,
                            Acting acting) {
        this.acting = acting;
        this.referrals = referrals;
        this.contacts = contacts;
        this.validator = validator;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @MessageMapping(ReferralRoutes.INTAKE)
    Mono<IntakeAnswer> takeIn(IntakeRequest request) {
        // the person who entered the contact is who received it, in its row and its audit line, as on the API
        return Mono.fromCallable(() -> contact(request))
                .flatMap(contact -> acting.caller()
                        .flatMap(actor -> referrals.receiveContact(contact)
                                .contextWrite(context -> Acting.context(context, actor))
                                .flatMap(received -> answer(received, actor.username()))));
    }

    /** The contact as the REST API would have read it, checked by the API's own constraints. */
    private NewReferral contact(IntakeRequest request) {
        if (request == null) {
            throw new InvalidReferralException("channel", "is required");
        }
        var children = request.children() == null ? null : request.children().stream()
                .map(entry -> entry == null ? null : new Child(blankToNull(entry.firstName()), entry.lastName(),
                        entry.dateOfBirth(), entry.estimatedAge(), entry.expectedDeliveryDate()))
                .toList();
        var referrer = request.referrer() == null || request.referrer().name() == null
                && request.referrer().role() == null && request.referrer().agency() == null
                && request.referrer().contact() == null
                ? null
                : new Referrer(request.referrer().name(), request.referrer().role(), request.referrer().agency(),
                request.referrer().contact());
        var contact = new NewReferral(null, request.channel(), request.source(),
                named("healthType", request.healthType(), HealthType.class), null, null, children,
                request.concern(), request.rag(), request.flags(),
                named("consent", request.consent(), Consent.class), blankToNull(request.consentOverrideReason()),
                referrer, null, request.informationOnly());
        var violations = validator.validate(contact);
        if (!violations.isEmpty()) {
            ConstraintViolation<NewReferral> first = violations.stream()
                    .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .orElseThrow();
            throw new InvalidReferralException(first.getPropertyPath().toString(), first.getMessage());
        }
        return contact;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static <E extends Enum<E>> E named(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidReferralException(field, "must be one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /** Each child's earlier referrals, and an audit line on each one shown, naming the new referral. */
    private Mono<IntakeAnswer> answer(List<ReferralService.Received> received, String actor) {
        return Flux.fromIterable(received)
                .concatMap(each -> contacts.earlier(each.referral().id(), IntakeAnswer.MOST_EARLIER).collectList()
                        .map(earlier -> new IntakeAnswer.Taken(each.referral().reference(),
                                each.referral().child().initials(), each.created(), earlier)))
                .collectList()
                .flatMap(taken -> {
                    var shown = new LinkedHashMap<String, List<String>>();
                    for (var child : taken) {
                        for (var earlier : child.earlier()) {
                            shown.computeIfAbsent(earlier.reference(), ref -> new ArrayList<>()).add(child.reference());
                        }
                    }
                    if (shown.isEmpty()) {
                        return Mono.just(new IntakeAnswer(taken));
                    }
                    var now = clock.instant();
                    Mono<Void> recorded = contacts.ids(shown.keySet()).flatMapMany(ids -> Flux.fromIterable(
                                    shown.entrySet()).concatMap(entry -> audit.record(new AuditEntry(now, actor,
                                    AuditAction.DETAIL_VIEWED, WorkType.REFERRAL.name(), ids.get(entry.getKey()),
                                    entry.getKey(), null, null, null,
                                    "shown as earlier history at the intake of " + String.join(", ", entry.getValue())))))
                            .then();
                    return transaction.transactional(recorded).thenReturn(new IntakeAnswer(taken));
                });
    }
}

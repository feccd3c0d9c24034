package org.mashlive.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.mashlive.audit.Acting;
import org.mashlive.board.BoardOutbox;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.platform.Text;
import org.mashlive.referral.ReferralService.Received;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Takes in a contact naming one or more children: one referral per child, linked as one contact,
 * committed with their board events in one transaction or not at all.
 *
 * <p>An {@code externalRef} names a contact, and a child of it is known by its pseudonymous key.
 * The same contact sent again changes nothing; sent again with a child added, it adds only that
 * child; anything else under the same reference is another contact and is refused whole
 * (docs/decisions/0010-what-the-front-door-refuses.md, 0022-a-contact-with-several-children.md).
 */
final class ContactIntake {

    private static final Logger log = LoggerFactory.getLogger(ContactIntake.class);

    /** The earliest date of birth taken: older dates are typos, and PostgreSQL's date has limits. */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /**
     * How often a contact is compared again after a concurrent intake of the same reference took
     * the place it wanted: each retry sees what the other committed, so two are enough unless
     * children keep being added at once.
     */
    private static final int ATTEMPTS = 4;

    private final ContactRepository contacts;
    private final BoardOutbox outbox;
    private final TimescalePolicy timescales;
    private final ChildKeys childKeys;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Acting acting;
    private final Function<ReferralRepository.Row, Referral> toReferral;

    ContactIntake(ContactRepository contacts, BoardOutbox outbox, TimescalePolicy timescales, ChildKeys childKeys,
                  TransactionalOperator transaction, Clock clock, Acting acting,
                  Function<ReferralRepository.Row, Referral> toReferral) {
        this.contacts = contacts;
        this.outbox = outbox;
        this.timescales = timescales;
        this.childKeys = childKeys;
        this.transaction = transaction;
        this.clock = clock;
        this.acting = acting;
        this.toReferral = toReferral;
    }

    /** A child as given, with how it is known again. */
    record Keyed(Child child, ChildKeys.Identity identity) {

        String key() {
            return identity.key();
        }
    }

    /**
     * The referrals of {@code contact}, one per child in the order given, each saying whether this
     * call created it.
     */
    Mono<List<Received>> receive(NewReferral contact, Instant receivedAt) {
        return Mono.fromCallable(() -> {
                    check(contact);
                    if (receivedAt.isAfter(clock.instant())) {
                        throw new InvalidReferralException("receivedAt", "must not be in the future");
                    }
                    // one child named twice is refused before anything is read
                    return keyed(contact, day(receivedAt));
                })
                .flatMap(children -> contact.externalRef() == null
                        ? create(contact, children, receivedAt, null, 0)
                        : receiveUnder(contact, receivedAt, ATTEMPTS));
    }

    /** The calendar day of {@code at} in the hub's zone. */
    private LocalDate day(Instant at) {
        return at.atZone(timescales.zone()).toLocalDate();
    }

    /**
     * A contact under an external reference. Its children are keyed as of the day the contact was
     * first received, so that a child known by an estimated age has the same key when the contact
     * comes again in another year.
     */
    private Mono<List<Received>> receiveUnder(NewReferral contact, Instant receivedAt, int attempts) {
        return contacts.findByExternalRef(contact.externalRef()).collectList()
                .flatMap(stored -> {
                    if (stored.isEmpty()) {
                        return create(contact, keyed(contact, day(receivedAt)), receivedAt, null, 0);
                    }
                    var children = keyed(contact, day(stored.getFirst().row().receivedAt()));
                    var fields = differences(contact, children, stored);
                    var first = stored.getFirst().row();
                    if (!fields.isEmpty()) {
                        log.warn("Refused a contact under external reference {}: it is {}, a different contact ({} differ)",
                                contact.externalRef(), first.reference(), String.join(", ", fields));
                        return Mono.error(new ExternalRefConflictException(contact.externalRef(), first.reference(),
                                fields));
                    }
                    var known = new HashMap<String, ReferralRepository.Row>();
                    stored.forEach(referral -> known.put(referral.row().childKey(), referral.row()));
                    var added = children.stream().filter(child -> !known.containsKey(child.key())).toList();
                    int next = stored.stream().mapToInt(ContactRepository.Stored::position).max().orElse(-1) + 1;
                    Mono<List<Received>> made = added.isEmpty() ? Mono.just(List.of())
                            : create(contact, added, receivedAt, stored.getFirst().contactId(), next);
                    return made.map(created -> {
                        var byKey = new HashMap<String, Received>();
                        known.forEach((key, row) -> byKey.put(key, new Received(toReferral.apply(row), false)));
                        for (int i = 0; i < added.size(); i++) {
                            byKey.put(added.get(i).key(), created.get(i));
                        }
                        return children.stream().map(child -> byKey.get(child.key())).toList();
                    });
                })
                // a concurrent intake of this reference committed first: compare with what it stored
                .onErrorResume(ExternalRefTaken.class, taken -> attempts > 1
                        ? receiveUnder(contact, receivedAt, attempts - 1)
                        : Mono.error(new IllegalStateException("external reference " + contact.externalRef()
                                + " kept being taken by concurrent intakes")));
    }

    /**
     * The fields, by JSON path, in which {@code contact} is not the contact received as
     * {@code stored}; empty when it is that contact, or that contact with children added. Every
     * field of the contact counts, as intake stores it (decision 0010); each child received before
     * must be in it, found by its key and the same in every detail. A child not found is compared
     * with the child given in its place, so a changed name is named as such.
     */
    static List<String> differences(NewReferral contact, List<Keyed> children,
                                    List<ContactRepository.Stored> stored) {
        var fields = new ArrayList<String>();
        var first = stored.getFirst();
        var row = first.row();
        differ(fields, "channel", contact.channel(), row.channel());
        differ(fields, "source", contact.source(), row.source());
        differ(fields, "healthType", contact.healthType(), row.healthType());
        differ(fields, "merlinId", stripped(merlinIdOf(contact)), stripped(row.merlinId()));
        var keys = new HashMap<String, Integer>();
        for (int i = 0; i < children.size(); i++) {
            keys.put(children.get(i).key(), i);
        }
        var storedKeys = stored.stream().map(s -> s.row().childKey()).collect(java.util.stream.Collectors.toSet());
        var childFields = new java.util.TreeSet<String>();
        for (int p = 0; p < stored.size(); p++) {
            var child = stored.get(p).row().child();
            Integer at = keys.get(stored.get(p).row().childKey());
            if (at == null && p < children.size() && !storedKeys.contains(children.get(p).key())) {
                at = p;
            }
            if (at == null) {
                childFields.add(contact.several() ? "children" : "child");
                continue;
            }
            String prefix = contact.several() ? "children[" + at + "]." : "child.";
            var mine = children.get(at).child();
            var here = new ArrayList<String>();
            differ(here, prefix + "firstName", stripped(mine.firstName()), stripped(child.firstName()));
            differ(here, prefix + "lastName", stripped(mine.lastName()), stripped(child.lastName()));
            differ(here, prefix + "dateOfBirth", mine.dateOfBirth(), child.dateOfBirth());
            differ(here, prefix + "estimatedAge", mine.estimatedAge(), child.estimatedAge());
            differ(here, prefix + "expectedDeliveryDate", mine.expectedDeliveryDate(), child.expectedDeliveryDate());
            childFields.addAll(here);
        }
        // in the order of the body: child before child, each child's fields as the body has them
        childFields.stream().sorted(java.util.Comparator.comparing(ContactIntake::bodyOrder)).forEach(fields::add);
        differ(fields, "concern", stripped(contact.concern()), stripped(row.concern()));
        differ(fields, "rag", contact.rag(), first.intakeRag());
        differ(fields, "flags", Set.copyOf(contact.flags()), Set.copyOf(row.flags()));
        differ(fields, "consent", contact.consent(), row.consent());
        differ(fields, "consentOverrideReason", stripped(contact.consentOverrideReason()),
                stripped(row.consentOverrideReason()));
        var given = contact.referrer();
        var had = first.referrer();
        differ(fields, "referrer.name", given == null ? null : stripped(given.name()), had == null ? null : had.name());
        differ(fields, "referrer.role", given == null ? null : stripped(given.role()), had == null ? null : had.role());
        differ(fields, "referrer.agency", given == null ? null : stripped(given.agency()),
                had == null ? null : had.agency());
        differ(fields, "referrer.contact", given == null ? null : stripped(given.contact()),
                had == null ? null : had.contact());
        differ(fields, "policeRiskLevel", contact.policeRiskLevel(), first.policeRisk());
        differ(fields, "informationOnly", contact.forInformationOnly(),
                row.stage() == org.mashlive.board.api.Stage.INFORMATION_ONLY);
        return List.copyOf(fields);
    }

    private static final List<String> CHILD_FIELDS = List.of("firstName", "lastName", "dateOfBirth", "estimatedAge",
            "expectedDeliveryDate");

    /** Sorts {@code children[2].lastName} after {@code children[2].firstName} and before {@code children[10]…}. */
    private static String bodyOrder(String path) {
        var matcher = java.util.regex.Pattern.compile("(?:children\\[(\\d+)]|child)\\.?(\\w*)").matcher(path);
        if (!matcher.matches()) {
            return path;
        }
        int index = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
        int field = matcher.group(2).isEmpty() ? -1 : CHILD_FIELDS.indexOf(matcher.group(2));
        return "%06d.%02d".formatted(index, field + 1);
    }

    private static void differ(List<String> fields, String field, Object given, Object stored) {
        if (!Objects.equals(given, stored)) {
            fields.add(field);
        }
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    /** A police contact's MERLIN id is its externalRef unless it gives one of its own. */
    static String merlinIdOf(NewReferral contact) {
        return contact.merlinId() == null && contact.source() == Source.POLICE
                ? contact.externalRef()
                : contact.merlinId();
    }

    /** The children with their keys; one child named twice is a mistake, not twins of one name and birthday. */
    private List<Keyed> keyed(NewReferral contact, LocalDate on) {
        var children = new ArrayList<Keyed>();
        var seen = new HashMap<String, Integer>();
        var named = contact.named();
        for (int i = 0; i < named.size(); i++) {
            var keyed = new Keyed(named.get(i), childKeys.identify(named.get(i), on));
            Integer before = seen.putIfAbsent(keyed.key(), i);
            if (before != null) {
                throw new InvalidReferralException("children[" + i + "]",
                        "is the same child as children[" + before + "]: name each child once");
            }
            children.add(keyed);
        }
        return children;
    }

    private void check(NewReferral contact) {
        if (contact.child() != null && contact.children() != null) {
            throw new InvalidReferralException("children", "give either child (one) or children (several), not both");
        }
        if (contact.named().isEmpty()) {
            throw new InvalidReferralException("child", "is missing: give the child, or children for several");
        }
        // refused here, naming the field, rather than by the database (PostgreSQL text cannot hold U+0000)
        Text.line("externalRef", contact.externalRef());
        Text.line("merlinId", contact.merlinId());
        var named = contact.named();
        for (int i = 0; i < named.size(); i++) {
            String prefix = contact.several() ? "children[" + i + "]." : "child.";
            var child = named.get(i);
            Text.line(prefix + "firstName", child.firstName());
            Text.line(prefix + "lastName", child.lastName());
            checkKnown(prefix, child);
        }
        Text.lines("concern", contact.concern());
        Text.lines("consentOverrideReason", contact.consentOverrideReason());
        if (contact.healthType() != null && contact.source() != Source.HEALTH) {
            throw new InvalidReferralException("healthType", "is only for source HEALTH, not " + contact.source());
        }
        if (contact.referrer() != null) {
            Text.line("referrer.name", contact.referrer().name());
            Text.line("referrer.role", contact.referrer().role());
            Text.line("referrer.agency", contact.referrer().agency());
            Text.line("referrer.contact", contact.referrer().contact());
        }
        if (contact.policeRiskLevel() != null && contact.source() != Source.POLICE) {
            throw new InvalidReferralException("policeRiskLevel", "is only for source POLICE, not " + contact.source());
        }
        if (contact.merlinId() != null && contact.source() != Source.POLICE) {
            throw new InvalidReferralException("merlinId", "is only for source POLICE, not " + contact.source());
        }
        if (contact.consent() == Consent.OVERRIDDEN
                && (contact.consentOverrideReason() == null || contact.consentOverrideReason().isBlank())) {
            throw new InvalidReferralException("consentOverrideReason",
                    "must say why consent was overridden when consent is OVERRIDDEN");
        }
        if (contact.consent() != Consent.OVERRIDDEN && contact.consentOverrideReason() != null) {
            throw new InvalidReferralException("consentOverrideReason", "is only for consent OVERRIDDEN");
        }
    }

    /** How far ahead an expected date of delivery may be: a pregnancy is at most about 42 weeks. */
    private static final int LONGEST_PREGNANCY_DAYS = 300;

    /** How long after the expected date a child may still be referred as unborn: babies come late. */
    private static final int LATEST_BIRTH_DAYS = 28;

    /**
     * Refuses a child too thin to take in, naming exactly what is missing: a first name given but
     * blank (leave it out when it is not known), or none of, or more than one of, a date of birth,
     * an estimated age and an expected date of delivery.
     */
    private void checkKnown(String prefix, Child child) {
        if (child.firstName() != null && child.firstName().isBlank()) {
            throw new InvalidReferralException(prefix + "firstName", "must not be blank; leave it out when it is not known");
        }
        int given = (child.dateOfBirth() == null ? 0 : 1) + (child.estimatedAge() == null ? 0 : 1)
                + (child.expectedDeliveryDate() == null ? 0 : 1);
        if (given == 0) {
            throw new InvalidReferralException(prefix + "dateOfBirth", "is missing: give the dateOfBirth, or an "
                    + "estimatedAge in years when it is not known, or an expectedDeliveryDate for an unborn child");
        }
        if (given > 1) {
            String second = child.dateOfBirth() != null && child.estimatedAge() != null ? "estimatedAge"
                    : "expectedDeliveryDate";
            throw new InvalidReferralException(prefix + second,
                    "give only one of dateOfBirth, estimatedAge and expectedDeliveryDate");
        }
        if (child.dateOfBirth() != null && child.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
            throw new InvalidReferralException(prefix + "dateOfBirth", "must be on or after " + EARLIEST_BIRTH);
        }
        var due = child.expectedDeliveryDate();
        LocalDate today = day(clock.instant());
        if (due != null && (due.isBefore(today.minusDays(LATEST_BIRTH_DAYS))
                || due.isAfter(today.plusDays(LONGEST_PREGNANCY_DAYS)))) {
            throw new InvalidReferralException(prefix + "expectedDeliveryDate", "must be between "
                    + today.minusDays(LATEST_BIRTH_DAYS) + " and " + today.plusDays(LONGEST_PREGNANCY_DAYS)
                    + "; give the dateOfBirth once the child is born");
        }
    }

    /**
     * Inserts the referrals of {@code children} (positions from {@code firstPosition}) and their
     * board events: two statements, one transaction (docs/decisions/0008-intake-in-two-statements.md).
     */
    private Mono<List<Received>> create(NewReferral contact, List<Keyed> children, Instant now, Long contactId,
                                        int firstPosition) {
        ZonedDateTime local = now.atZone(timescales.zone());
        Rag rag = contact.rag();
        var stored = new ContactRepository.Contact(contact.externalRef(), now, contact.channel(), contact.source(),
                contact.healthType(), merlinIdOf(contact), contact.concern(), contact.flags(), contact.consent(),
                contact.consentOverrideReason(), rag, timescales.dueAt(now, rag), contact.referrer(),
                contact.policeRiskLevel(), contact.forInformationOnly());
        var newChildren = new ArrayList<ContactRepository.NewChild>();
        for (int i = 0; i < children.size(); i++) {
            newChildren.add(new ContactRepository.NewChild(children.get(i).child(), children.get(i).identity(),
                    firstPosition + i));
        }
        // the person taking it in (see ReferralController) is named before the counter is locked
        Mono<List<Received>> work = acting.within().then(contacts.insert(stored, newChildren, contactId,
                        local.getYear(), local.minusMonths(12).toInstant()))
                .switchIfEmpty(Mono.error(ExternalRefTaken::new))
                .flatMap(rows -> {
                    List<Referral> made = rows.stream().map(row -> toReferral.apply(row.row())).toList();
                    return outbox.appendAll(BoardEventType.REFERRAL_RECEIVED, made.stream().map(Referral::card).toList())
                            .thenReturn(made.stream().map(referral -> new Received(referral, true)).toList());
                });
        return transaction.transactional(work);
    }

    /** A concurrent intake took the same external reference first; this one rolls back. */
    private static final class ExternalRefTaken extends RuntimeException {

        ExternalRefTaken() {
            super("external reference taken by a concurrent intake", null, false, false);
        }
    }
}

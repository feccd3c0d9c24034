package org.mashlive.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
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
import reactor.core.scheduler.Schedulers;

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

    /** Groups of contacts taken in together; null when a group holds one, and each goes alone. */
    private final GroupCommit<Member, List<Received>> groups;
    private final DistributionSummary sizes;
    private volatile Function<List<Member>, Mono<Void>> beforeCommit = members -> Mono.empty();

    ContactIntake(ContactRepository contacts, BoardOutbox outbox, TimescalePolicy timescales, ChildKeys childKeys,
                  TransactionalOperator transaction, Clock clock, Acting acting,
                  Function<ReferralRepository.Row, Referral> toReferral, IntakeGroupProperties grouping,
                  MeterRegistry meters) {
        this.sizes = DistributionSummary.builder("mash.intake.group.size")
                .description("Contacts taken in by one transaction (one commit)")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128)
                .register(meters);
        this.groups = grouping.maxSize() == 1 ? null : new GroupCommit<>(grouping.maxSize(), grouping.maxWait(),
                member -> member.contact().externalRef(), this::together, sizes, Schedulers.parallel(),
                Schedulers.parallel());
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
     * call created it. Checked here, before it joins a group, so that a contact refused for what
     * it says never holds up the others; then taken in with whatever other contacts are waiting,
     * in one transaction (docs/decisions/0031-group-commit-of-intakes.md), or on its own when
     * groups hold one.
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
                .flatMap(children -> groups == null
                        ? alone(contact, receivedAt, children)
                        : inCallersTransaction().flatMap(inside -> inside
                                ? alone(contact, receivedAt, children)
                                : Mono.deferContextual(context -> groups.submit(
                                        new Member(contact, receivedAt, Acting.in(context).orElse(null))))));
    }

    /**
     * Whether the caller already runs a transaction. Its contact is then taken in within it, alone, so
     * that it commits or rolls back with the rest of the caller's work: a group runs in a transaction
     * of its own, which would commit the contact whatever became of the caller's.
     */
    private static Mono<Boolean> inCallersTransaction() {
        return org.springframework.transaction.reactive.TransactionSynchronizationManager.forCurrentTransaction()
                .map(org.springframework.transaction.reactive.TransactionSynchronizationManager::isActualTransactionActive)
                .onErrorResume(org.springframework.transaction.NoTransactionException.class, none -> Mono.just(false));
    }

    /** The contact taken in by a transaction of its own, as before grouping. */
    private Mono<List<Received>> alone(NewReferral contact, Instant receivedAt, List<Keyed> children) {
        return contact.externalRef() == null
                ? create(contact, children, receivedAt, null, 0)
                : receiveUnder(contact, receivedAt, ATTEMPTS);
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
                .flatMap(stored -> Mono.fromCallable(() -> plan(contact, receivedAt, stored)))
                .flatMap(plan -> plan.added().isEmpty() ? Mono.just(plan.answer(List.of()))
                        : create(contact, plan.added(), receivedAt, plan.contactId(), plan.firstPosition())
                                .map(plan::answer))
                // a concurrent intake of this reference committed first: compare with what it stored
                .onErrorResume(ExternalRefTaken.class, taken -> attempts > 1
                        ? receiveUnder(contact, receivedAt, attempts - 1)
                        : Mono.error(new IllegalStateException("external reference " + contact.externalRef()
                                + " kept being taken by concurrent intakes")));
    }

    /**
     * What taking in {@code contact} comes to, given the referrals {@code stored} under its
     * external reference (none for a new contact): the children to add, the contact they join and
     * their first position, and the referrals it already has.
     *
     * @throws ExternalRefConflictException when it is another contact than the one stored
     */
    private Plan plan(NewReferral contact, Instant receivedAt, List<ContactRepository.Stored> stored) {
        if (stored.isEmpty()) {
            var children = keyed(contact, day(receivedAt));
            return new Plan(children, children, null, 0, Map.of());
        }
        var children = keyed(contact, day(stored.getFirst().row().receivedAt()));
        var fields = differences(contact, children, stored);
        var first = stored.getFirst().row();
        if (!fields.isEmpty()) {
            log.warn("Refused a contact under external reference {}: it is {}, a different contact ({} differ)",
                    contact.externalRef(), first.reference(), String.join(", ", fields));
            throw new ExternalRefConflictException(contact.externalRef(), first.reference(), fields);
        }
        var known = new HashMap<String, ReferralRepository.Row>();
        stored.forEach(referral -> known.put(referral.row().childKey(), referral.row()));
        var added = children.stream().filter(child -> !known.containsKey(child.key())).toList();
        int next = stored.stream().mapToInt(ContactRepository.Stored::position).max().orElse(-1) + 1;
        return new Plan(children, added, stored.getFirst().contactId(), next, known);
    }

    /** What to do with a contact: see {@link #plan}. */
    private final class Plan {

        private final List<Keyed> children;
        private final List<Keyed> added;
        private final Long contactId;
        private final int firstPosition;
        private final Map<String, ReferralRepository.Row> known;

        Plan(List<Keyed> children, List<Keyed> added, Long contactId, int firstPosition,
             Map<String, ReferralRepository.Row> known) {
            this.children = children;
            this.added = added;
            this.contactId = contactId;
            this.firstPosition = firstPosition;
            this.known = known;
        }

        List<Keyed> added() {
            return added;
        }

        Long contactId() {
            return contactId;
        }

        int firstPosition() {
            return firstPosition;
        }

        /** The answer, child by child in the order given, once {@code created} are the referrals of {@link #added}. */
        List<Received> answer(List<Received> created) {
            var byKey = new HashMap<String, Received>();
            known.forEach((key, row) -> byKey.put(key, new Received(toReferral.apply(row), false)));
            for (int i = 0; i < added.size(); i++) {
                byKey.put(added.get(i).key(), created.get(i));
            }
            return children.stream().map(child -> byKey.get(child.key())).toList();
        }
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
        var stored = contactOf(contact, now);
        var newChildren = newChildren(children, firstPosition);
        // the person taking it in (see ReferralController) is named before the counter is locked
        Mono<List<Received>> work = acting.within().then(contacts.insert(stored, newChildren, contactId,
                        local.getYear(), local.minusMonths(12).toInstant()))
                .switchIfEmpty(Mono.error(ExternalRefTaken::new))
                .flatMap(rows -> {
                    List<Referral> made = rows.stream().map(row -> toReferral.apply(row.row())).toList();
                    return outbox.appendAll(BoardEventType.REFERRAL_RECEIVED, made.stream().map(Referral::card).toList())
                            .thenReturn(made.stream().map(referral -> new Received(referral, true)).toList());
                });
        sizes.record(1);
        return transaction.transactional(work);
    }

    /** What {@code contact}, received at {@code now}, gives each of its referrals. */
    private ContactRepository.Contact contactOf(NewReferral contact, Instant now) {
        Rag rag = contact.rag();
        return new ContactRepository.Contact(contact.externalRef(), now, contact.channel(), contact.source(),
                contact.healthType(), merlinIdOf(contact), contact.concern(), contact.flags(), contact.consent(),
                contact.consentOverrideReason(), rag, timescales.dueAt(now, rag), contact.referrer(),
                contact.policeRiskLevel(), contact.forInformationOnly());
    }

    private static List<ContactRepository.NewChild> newChildren(List<Keyed> children, int firstPosition) {
        var newChildren = new ArrayList<ContactRepository.NewChild>();
        for (int i = 0; i < children.size(); i++) {
            newChildren.add(new ContactRepository.NewChild(children.get(i).child(), children.get(i).identity(),
                    firstPosition + i));
        }
        return newChildren;
    }

    /** A contact waiting for its group, with the person it is taken in for (null: the system). */
    record Member(NewReferral contact, Instant receivedAt, Actor actor) {
    }

    /**
     * Takes in a group of contacts in one transaction: reads what is stored under their external
     * references at once, decides each one as {@link #plan} does, inserts the referrals of all that
     * add any in one statement and their board events in another, then commits once. A contact
     * refused (another contact under its reference, or a rule only its stored contact can break)
     * is refused alone and takes no number. When the transaction fails for any other reason than
     * a lost database, each contact is taken in again on its own, so that one that only the
     * database can refuse fails alone; when the database is lost, every contact of the group is
     * refused with that failure, since the commit may or may not have happened and only the
     * sender, with its external reference, can safely send again.
     */
    private Mono<List<GroupCommit.Outcome<List<Received>>>> together(List<Member> members) {
        var refs = members.stream().map(member -> member.contact().externalRef()).filter(Objects::nonNull).toList();
        Mono<Map<String, List<ContactRepository.Stored>>> stored = refs.isEmpty() ? Mono.just(Map.of())
                : contacts.findByExternalRefs(refs);
        Mono<List<GroupCommit.Outcome<List<Received>>>> work = named(members).then(stored).flatMap(byRef -> {
            var outcomes = new ArrayList<GroupCommit.Outcome<List<Received>>>(
                    java.util.Collections.nCopies(members.size(), null));
            var plans = new ArrayList<Plan>(java.util.Collections.nCopies(members.size(), null));
            var parts = new ArrayList<ContactRepository.Part>();
            var partOf = new HashMap<Integer, Integer>();
            for (int i = 0; i < members.size(); i++) {
                var member = members.get(i);
                var contact = member.contact();
                try {
                    var plan = plan(contact, member.receivedAt(), contact.externalRef() == null ? List.of()
                            : byRef.getOrDefault(contact.externalRef(), List.of()));
                    plans.set(i, plan);
                    if (plan.added().isEmpty()) {
                        outcomes.set(i, GroupCommit.Outcome.of(plan.answer(List.of())));
                        continue;
                    }
                    ZonedDateTime local = member.receivedAt().atZone(timescales.zone());
                    partOf.put(i, parts.size());
                    parts.add(new ContactRepository.Part(contactOf(contact, member.receivedAt()),
                            newChildren(plan.added(), plan.firstPosition()), plan.contactId(), local.getYear(),
                            local.minusMonths(12).toInstant(),
                            member.actor() == null ? null : member.actor().username()));
                } catch (RuntimeException refused) {
                    outcomes.set(i, GroupCommit.Outcome.failed(refused));
                }
            }
            if (parts.isEmpty()) {
                return Mono.just(outcomes);
            }
            return contacts.insertAll(parts)
                    .switchIfEmpty(Mono.error(ExternalRefTaken::new))
                    .flatMap(rows -> {
                        var made = rows.stream()
                                .map(ofPart -> ofPart.stream().map(row -> toReferral.apply(row.row())).toList())
                                .toList();
                        var cards = made.stream().flatMap(List::stream).map(Referral::card).toList();
                        return outbox.appendAll(BoardEventType.REFERRAL_RECEIVED, cards).then(Mono.fromCallable(() -> {
                            partOf.forEach((member, part) -> outcomes.set(member, GroupCommit.Outcome.of(
                                    plans.get(member).answer(made.get(part).stream()
                                            .map(referral -> new Received(referral, true)).toList()))));
                            return outcomes;
                        }));
                    });
        }).flatMap(outcomes -> beforeCommit.apply(members).thenReturn(outcomes));
        return transaction.transactional(work)
                .onErrorResume(failure -> !lost(failure), failure -> {
                    if (!(failure instanceof ExternalRefTaken)) {
                        log.warn("A group of {} intakes failed ({}); taking each in on its own", members.size(),
                                org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure).toString());
                    }
                    return oneByOne(members);
                });
    }

    /** Names each person of the group as one who acts (their row in {@code actor}), before the counters are taken. */
    private Mono<Void> named(List<Member> members) {
        return reactor.core.publisher.Flux.fromIterable(members).filter(member -> member.actor() != null)
                .map(Member::actor).distinct()
                .concatMap(actor -> acting.within().contextWrite(context -> Acting.context(context, actor)))
                .then();
    }

    /** The members of a failed group, each in a transaction of its own, one after the other. */
    private Mono<List<GroupCommit.Outcome<List<Received>>>> oneByOne(List<Member> members) {
        return reactor.core.publisher.Flux.fromIterable(members)
                .concatMap(member -> Mono.defer(() -> alone(member.contact(), member.receivedAt(),
                                keyed(member.contact(), day(member.receivedAt()))))
                        .contextWrite(context -> member.actor() == null ? context
                                : Acting.context(context, member.actor()))
                        .map(GroupCommit.Outcome::of)
                        .onErrorResume(failure -> Mono.just(GroupCommit.Outcome.failed(failure))))
                .collectList();
    }

    /**
     * Whether {@code failure} is the database lost or unreachable (SQLSTATE classes 08 and 57P, a
     * closed connection, a timeout): the outcome of a commit is then unknown.
     */
    static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException
                    || cause instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
                    || cause instanceof io.r2dbc.spi.R2dbcTransientResourceException
                    || cause instanceof io.r2dbc.spi.R2dbcTimeoutException
                    || cause instanceof java.net.ConnectException
                    || cause instanceof java.nio.channels.ClosedChannelException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (cause instanceof io.r2dbc.spi.R2dbcException r2dbc && r2dbc.getSqlState() != null
                    && (r2dbc.getSqlState().startsWith("08") || r2dbc.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** How many contacts wait for a group. */
    int queued() {
        return groups == null ? 0 : groups.queued();
    }

    /**
     * Work run in each group's transaction just before it commits: nothing, but a test can make a
     * group wait there or lose its connection there.
     */
    void beforeCommit(Function<List<Member>, Mono<Void>> work) {
        this.beforeCommit = work == null ? members -> Mono.empty() : work;
    }

    /** A concurrent intake took the same external reference first; this one rolls back. */
    private static final class ExternalRefTaken extends RuntimeException {

        ExternalRefTaken() {
            super("external reference taken by a concurrent intake", null, false, false);
        }
    }
}

package org.mashlive.referral;

import static org.mashlive.referral.ReferralRepository.bindNullable;
import static org.mashlive.referral.ReferralRepository.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.r2dbc.postgresql.codec.Json;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Stage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for contacts: the referrals of one contact, one per child it names, inserted together.
 * Every method joins the caller's transaction.
 */
@Component
class ContactRepository {

    /**
     * Whether referral {@code r} may be of the child {@code g} (a row with child_key, surname_key,
     * name_key, born_from, born_to): the same exact key, or the same family name with a birth
     * window that overlaps and no first name that differs
     * (docs/decisions/0023-knowing-a-child-again.md).
     */
    static final String SAME_CHILD = """
            r.child_key = g.child_key
            OR (r.child_surname_key = g.surname_key
                AND r.child_born_from <= g.born_to AND r.child_born_to >= g.born_from
                AND (r.child_name_key = g.name_key OR r.child_name_key IS NULL OR g.name_key IS NULL))""";

    /**
     * Whether a referral of the child {@code g} was received from {@code yearBefore} until just before
     * {@code receivedAt}: {@link #SAME_CHILD} asked as two lookups, one led by the exact key and one by
     * the family name, each the first column of an index, so that its cost is an index lookup
     * whatever the tables' statistics say. Asked as one condition with OR in it, the planner took the
     * time range as the way in (the index on received_at), and read every referral of the last year
     * for each one received. The exact key's range is written as a comparison of (key, time) pairs,
     * which only the index on (child_key, received_at) can serve: a plan made on a new, empty table
     * (which stays cached for the connection until the table is next analysed) cannot take the
     * range alone either.
     */
    static String referredSince(String yearBefore, String receivedAt) {
        return """
                (EXISTS (SELECT 1 FROM referral r WHERE r.child_key = g.child_key
                         AND (r.child_key, r.received_at) >= (g.child_key, %1$s)
                         AND (r.child_key, r.received_at) < (g.child_key, %2$s))
                 OR EXISTS (SELECT 1 FROM referral r WHERE r.child_surname_key = g.surname_key
                            AND r.child_born_from <= g.born_to AND r.child_born_to >= g.born_from
                            AND (r.child_name_key = g.name_key OR r.child_name_key IS NULL OR g.name_key IS NULL)
                            AND r.received_at >= %1$s AND r.received_at < %2$s))""".formatted(yearBefore, receivedAt);
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    ContactRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Records the referrals of {@code children} in one statement: takes as many of {@code year}'s
     * reference numbers as there are children (the counter row stays locked until the transaction
     * ends) and numbers them in the order given, works out for each child whether it was referred
     * since {@code yearBefore}, and inserts the referrals, their first stage and their intake RAG.
     * One round trip, however many children, keeps the time the counter is held short
     * (docs/decisions/0008-intake-in-two-statements.md).
     *
     * @param contactId the contact the children join (one received before), or null for a new contact
     * @return the referrals as stored, in the order given; empty when any of them could not be
     *         inserted because a concurrent intake of the same contact took its place: the caller's
     *         transaction must then roll back, so that none of them is written
     */
    Mono<List<Stored>> insert(Contact contact, List<NewChild> children, Long contactId, int year, Instant yearBefore) {
        var given = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < children.size(); i++) {
            var child = children.get(i).child();
            var row = new LinkedHashMap<String, Object>();
            row.put("ord", i + 1);
            row.put("position", children.get(i).position());
            var identity = children.get(i).identity();
            row.put("first_name", stripped(child.firstName()));
            row.put("last_name", child.lastName().strip());
            row.put("date_of_birth", text(child.dateOfBirth()));
            row.put("estimated_age", child.estimatedAge());
            row.put("expected_on", text(child.expectedDeliveryDate()));
            row.put("child_key", identity.key());
            row.put("surname_key", identity.surnameKey());
            row.put("name_key", identity.nameKey());
            row.put("born_from", identity.bornFrom().toString());
            row.put("born_to", identity.bornTo().toString());
            row.put("initials", child.initials());
            given.add(row);
        }
        var spec = db.sql("""
                        WITH given AS (
                            SELECT * FROM jsonb_to_recordset(CAST(:children AS jsonb)) AS g(ord integer, position integer,
                                first_name text, last_name text, date_of_birth date, estimated_age integer,
                                expected_on date, child_key text, surname_key text, name_key text, born_from date,
                                born_to date, initials text)),
                        number AS (
                            INSERT INTO reference_counter (year, last_number) VALUES (:year, :count)
                            ON CONFLICT (year) DO UPDATE SET last_number = reference_counter.last_number + :count
                            RETURNING last_number),
                        the_contact AS (
                            SELECT coalesce(CAST(:contactId AS bigint), nextval('contact_id_seq')) AS id),
                        new_referral AS (
                            INSERT INTO referral (reference, external_ref, received_at, channel, source, health_type,
                                merlin_id, child_first_name, child_last_name, child_date_of_birth,
                                child_estimated_age, child_expected_on, child_key, child_surname_key, child_name_key,
                                child_born_from, child_born_to, child_initials, concern, flags, consent, consent_override_reason, rag, intake_rag,
                                stage, due_at, re_referral, updated_at, contact_id, child_position, referrer_name, referrer_role,
                                referrer_agency, referrer_contact, police_risk)
                            SELECT 'MASH-' || :year || '-'
                                    || lpad((n.last_number - :count + g.ord)::text,
                                            greatest(6, length((n.last_number - :count + g.ord)::text)), '0'),
                                :externalRef, :receivedAt, :channel, :source, :healthType, :merlinId,
                                g.first_name, g.last_name, g.date_of_birth, g.estimated_age, g.expected_on, g.child_key,
                                g.surname_key, g.name_key, g.born_from, g.born_to, g.initials, :concern, :flags,
                                :consent, :overrideReason, :rag, :rag, :stage, :dueAt,
                                :referredSince,
                                :receivedAt, c.id, g.position, :referrerName, :referrerRole, :referrerAgency, :referrerContact,
                                :policeRisk
                            FROM number n, given g, the_contact c
                            ON CONFLICT (external_ref, child_position) DO NOTHING
                            RETURNING id, reference, re_referral, contact_id, child_position),
                        first_stage AS (
                            INSERT INTO stage_change (referral_id, changed_at, from_stage, to_stage)
                            SELECT id, :receivedAt, NULL, :stage FROM new_referral),
                        first_rag AS (
                            INSERT INTO rag_change (referral_id, changed_at, from_rag, to_rag, reason)
                            SELECT id, :receivedAt, NULL, :rag, 'Rated at intake' FROM new_referral
                            WHERE CAST(:rag AS text) IS NOT NULL)
                        SELECT id, reference, re_referral, contact_id, child_position FROM new_referral"""
                        .replace(":referredSince", referredSince(":yearBefore", ":receivedAt")))
                .bind("children", Json.of(json.writeValueAsString(given)))
                .bind("count", children.size())
                .bind("year", year)
                .bind("yearBefore", utc(yearBefore))
                .bind("receivedAt", utc(contact.receivedAt()))
                .bind("channel", contact.channel().name())
                .bind("source", contact.source().name())
                .bind("concern", contact.concern().strip())
                .bind("flags", contact.flags().stream().map(Flag::name).sorted().toArray(String[]::new))
                .bind("consent", contact.consent().name())
                .bind("dueAt", utc(contact.dueAt()))
                .bind("stage", contact.stage().name());
        spec = bindNullable(spec, "contactId", contactId, Long.class);
        spec = bindNullable(spec, "externalRef", contact.externalRef(), String.class);
        spec = bindNullable(spec, "healthType", contact.healthType() == null ? null : contact.healthType().name(),
                String.class);
        spec = bindNullable(spec, "merlinId", contact.merlinId(), String.class);
        spec = bindNullable(spec, "overrideReason", contact.consentOverrideReason(), String.class);
        spec = bindNullable(spec, "rag", contact.rag() == null ? null : contact.rag().name(), String.class);
        var referrer = contact.referrer();
        spec = bindNullable(spec, "referrerName", referrer == null ? null : referrer.name().strip(), String.class);
        spec = bindNullable(spec, "referrerRole", referrer == null ? null : stripped(referrer.role()), String.class);
        spec = bindNullable(spec, "referrerAgency", referrer == null ? null : stripped(referrer.agency()), String.class);
        spec = bindNullable(spec, "referrerContact", referrer == null ? null : stripped(referrer.contact()),
                String.class);
        spec = bindNullable(spec, "policeRisk", contact.policeRisk() == null ? null : contact.policeRisk().name(),
                String.class);
        record Inserted(long id, String reference, boolean reReferral, long contactId, int position) {
        }
        return spec.map(row -> new Inserted(row.get("id", Long.class), row.get("reference", String.class),
                        Boolean.TRUE.equals(row.get("re_referral", Boolean.class)), row.get("contact_id", Long.class),
                        row.get("child_position", Integer.class)))
                .all()
                .collectList()
                .flatMap(inserted -> {
                    if (inserted.size() < children.size()) {
                        return Mono.empty();
                    }
                    var stored = new ArrayList<Stored>();
                    for (var child : children) {
                        var row = inserted.stream().filter(i -> i.position() == child.position()).findFirst()
                                .orElseThrow();
                        stored.add(stored(contact, child, row.id(), row.reference(), row.reReferral(),
                                row.contactId(), row.position()));
                    }
                    return Mono.just(List.copyOf(stored));
                });
    }

    /** The contact, children and year of one intake in a group: see {@link #insertAll}. */
    record Part(Contact contact, List<NewChild> children, Long contactId, int year, Instant yearBefore,
                String actor) {
    }

    /**
     * Records the referrals of several contacts in one statement, as {@link #insert} does for one:
     * one update of each year's reference counter for all of them (in practice one year), numbered
     * in the order given, contact after contact. Each referral names the person of its own part
     * as who received it (the system for a part with none, whoever the transaction names), so that
     * contacts from different people can share a transaction. A child
     * is a re-referral also of a child of an earlier part with an earlier receipt time, as it
     * would have been had the parts come one after the other
     * (docs/decisions/0031-group-commit-of-intakes.md).
     *
     * @return the referrals of each part, as stored, in the order given; empty when any could not
     *         be inserted because a concurrent intake took its place: the transaction must then
     *         roll back, so that none of them is written
     */
    Mono<List<List<Stored>>> insertAll(List<Part> parts) {
        var given = new ArrayList<Map<String, Object>>();
        int total = 0;
        for (int p = 0; p < parts.size(); p++) {
            var part = parts.get(p);
            var contact = part.contact();
            for (var newChild : part.children()) {
                var child = newChild.child();
                var identity = newChild.identity();
                var referrer = contact.referrer();
                var row = new LinkedHashMap<String, Object>();
                row.put("ord", ++total);
                row.put("part", p);
                row.put("position", newChild.position());
                row.put("contact_id", part.contactId());
                row.put("year", part.year());
                row.put("year_before", utc(part.yearBefore()).toString());
                row.put("external_ref", contact.externalRef());
                row.put("received_at", utc(contact.receivedAt()).toString());
                row.put("channel", contact.channel().name());
                row.put("source", contact.source().name());
                row.put("health_type", contact.healthType() == null ? null : contact.healthType().name());
                row.put("merlin_id", contact.merlinId());
                row.put("concern", contact.concern().strip());
                row.put("flags", contact.flags().stream().map(Flag::name).sorted().toList());
                row.put("consent", contact.consent().name());
                row.put("override_reason", contact.consentOverrideReason());
                row.put("rag", contact.rag() == null ? null : contact.rag().name());
                row.put("stage", contact.stage().name());
                row.put("due_at", utc(contact.dueAt()).toString());
                row.put("referrer_name", referrer == null ? null : referrer.name().strip());
                row.put("referrer_role", referrer == null ? null : stripped(referrer.role()));
                row.put("referrer_agency", referrer == null ? null : stripped(referrer.agency()));
                row.put("referrer_contact", referrer == null ? null : stripped(referrer.contact()));
                row.put("police_risk", contact.policeRisk() == null ? null : contact.policeRisk().name());
                row.put("actor", part.actor());
                row.put("first_name", stripped(child.firstName()));
                row.put("last_name", child.lastName().strip());
                row.put("date_of_birth", text(child.dateOfBirth()));
                row.put("estimated_age", child.estimatedAge());
                row.put("expected_on", text(child.expectedDeliveryDate()));
                row.put("child_key", identity.key());
                row.put("surname_key", identity.surnameKey());
                row.put("name_key", identity.nameKey());
                row.put("born_from", identity.bornFrom().toString());
                row.put("born_to", identity.bornTo().toString());
                row.put("initials", child.initials());
                given.add(row);
            }
        }
        int expected = total;
        record Inserted(int ord, long id, String reference, boolean reReferral, long contactId, int position) {
        }
        return db.sql("""
                        WITH given AS (
                            SELECT * FROM jsonb_to_recordset(CAST(:children AS jsonb)) AS g(ord integer, part integer,
                                position integer, contact_id bigint, year integer, year_before timestamptz,
                                external_ref text, received_at timestamptz, channel text, source text, health_type text,
                                merlin_id text, concern text, flags jsonb, consent text, override_reason text, rag text,
                                stage text, due_at timestamptz, referrer_name text, referrer_role text,
                                referrer_agency text, referrer_contact text, police_risk text, actor text,
                                first_name text, last_name text, date_of_birth date, estimated_age integer,
                                expected_on date, child_key text, surname_key text, name_key text, born_from date,
                                born_to date, initials text)),
                        counts AS (
                            SELECT year, count(*)::integer AS n FROM given GROUP BY year),
                        number AS (
                            INSERT INTO reference_counter (year, last_number) SELECT year, n FROM counts ORDER BY year
                            ON CONFLICT (year) DO UPDATE SET last_number = reference_counter.last_number + EXCLUDED.last_number
                            RETURNING year, last_number),
                        the_contact AS (
                            SELECT part, coalesce(max(contact_id), nextval('contact_id_seq')) AS id
                            FROM given GROUP BY part),
                        numbered AS (
                            SELECT g.*, c.id AS cid,
                                   'MASH-' || g.year || '-' || lpad(x.number::text, greatest(6, length(x.number::text)), '0')
                                       AS reference
                            FROM (SELECT *, row_number() OVER (PARTITION BY year ORDER BY ord) AS rank FROM given) g
                            JOIN counts k ON k.year = g.year
                            JOIN number n ON n.year = g.year
                            JOIN the_contact c ON c.part = g.part
                            CROSS JOIN LATERAL (SELECT n.last_number - k.n + g.rank AS number) x),
                        earlier_given AS (
                            SELECT part, received_at, child_key, surname_key AS child_surname_key,
                                   name_key AS child_name_key, born_from AS child_born_from, born_to AS child_born_to
                            FROM given),
                        new_referral AS (
                            INSERT INTO referral (reference, external_ref, received_at, channel, source, health_type,
                                merlin_id, child_first_name, child_last_name, child_date_of_birth,
                                child_estimated_age, child_expected_on, child_key, child_surname_key, child_name_key,
                                child_born_from, child_born_to, child_initials, concern, flags, consent, consent_override_reason, rag, intake_rag,
                                stage, due_at, re_referral, updated_at, contact_id, child_position, referrer_name, referrer_role,
                                referrer_agency, referrer_contact, police_risk, received_by)
                            SELECT g.reference, g.external_ref, g.received_at, g.channel, g.source, g.health_type,
                                g.merlin_id, g.first_name, g.last_name, g.date_of_birth, g.estimated_age, g.expected_on,
                                g.child_key, g.surname_key, g.name_key, g.born_from, g.born_to, g.initials, g.concern,
                                ARRAY(SELECT f FROM jsonb_array_elements_text(g.flags) WITH ORDINALITY AS e(f, i) ORDER BY i),
                                g.consent, g.override_reason, g.rag, g.rag, g.stage, g.due_at,
                                :referredSince
                                OR EXISTS (SELECT 1 FROM earlier_given r WHERE r.part < g.part AND (:sameChild)
                                        AND r.received_at >= g.year_before AND r.received_at < g.received_at),
                                g.received_at, g.cid, g.position, g.referrer_name, g.referrer_role, g.referrer_agency,
                                g.referrer_contact, g.police_risk,
                                coalesce(g.actor, '(system)')
                            FROM numbered g
                            ORDER BY g.ord
                            ON CONFLICT (external_ref, child_position) DO NOTHING
                            RETURNING id, reference, re_referral, contact_id, child_position, received_at, received_by,
                                stage, rag),
                        first_stage AS (
                            INSERT INTO stage_change (referral_id, changed_at, from_stage, to_stage, changed_by)
                            SELECT id, received_at, NULL, stage, received_by FROM new_referral),
                        first_rag AS (
                            INSERT INTO rag_change (referral_id, changed_at, from_rag, to_rag, reason, changed_by)
                            SELECT id, received_at, NULL, rag, 'Rated at intake', received_by FROM new_referral
                            WHERE rag IS NOT NULL)
                        SELECT g.ord, r.id, r.reference, r.re_referral, r.contact_id, r.child_position
                        FROM new_referral r JOIN numbered g ON g.reference = r.reference"""
                        .replace(":referredSince", referredSince("g.year_before", "g.received_at"))
                        .replace(":sameChild", SAME_CHILD))
                .bind("children", Json.of(json.writeValueAsString(given)))
                .map(row -> new Inserted(row.get("ord", Integer.class), row.get("id", Long.class),
                        row.get("reference", String.class), Boolean.TRUE.equals(row.get("re_referral", Boolean.class)),
                        row.get("contact_id", Long.class), row.get("child_position", Integer.class)))
                .all()
                .collectList()
                .flatMap(inserted -> {
                    if (inserted.size() < expected) {
                        return Mono.empty();
                    }
                    var byOrd = new java.util.HashMap<Integer, Inserted>();
                    inserted.forEach(row -> byOrd.put(row.ord(), row));
                    var stored = new ArrayList<List<Stored>>();
                    int ord = 0;
                    for (var part : parts) {
                        var ofPart = new ArrayList<Stored>();
                        for (var child : part.children()) {
                            var row = byOrd.get(++ord);
                            ofPart.add(stored(part.contact(), child, row.id(), row.reference(), row.reReferral(),
                                    row.contactId(), row.position()));
                        }
                        stored.add(List.copyOf(ofPart));
                    }
                    return Mono.just(List.copyOf(stored));
                });
    }

    /** A referral as {@link #insert} or {@link #insertAll} stored it, built from what was given, not read again. */
    private static Stored stored(Contact contact, NewChild child, long id, String reference, boolean reReferral,
                                 long contactId, int position) {
        var c = child.child();
        return new Stored(new ReferralRepository.Row(id, reference,
                contact.externalRef(), contact.receivedAt(), contact.channel(), contact.source(),
                contact.healthType(), contact.merlinId(),
                new Child(stripped(c.firstName()), c.lastName().strip(), c.dateOfBirth(),
                        c.estimatedAge(), c.expectedDeliveryDate()),
                child.identity().key(), contact.concern().strip(), Set.copyOf(contact.flags()),
                contact.consent(), contact.consentOverrideReason(), contact.rag(), contact.stage(),
                null, null, reReferral, contact.dueAt(), 0, false, null, contactId),
                contact.rag(), contactId, position, contact.referrer(),
                contact.policeRisk());
    }

    /**
     * The referrals received under any of {@code externalRefs}, by external reference, each
     * contact's as {@link #findByExternalRef} gives them. Each reference is looked up on its own
     * (a lateral lookup the planner cannot fold into a join), so the plan is an index lookup per
     * reference even when made on an empty table: {@code = ANY(…)} was planned there as a scan of
     * the whole table, and kept so until the table was first analysed.
     */
    Mono<Map<String, List<Stored>>> findByExternalRefs(java.util.Collection<String> externalRefs) {
        return db.sql("SELECT " + ReferralRepository.COLUMNS + """
                        , intake_rag, contact_id, child_position, referrer_name, referrer_role, referrer_agency,
                        referrer_contact, police_risk
                        FROM unnest(CAST(:externalRefs AS text[])) AS given(ref)
                        CROSS JOIN LATERAL (SELECT * FROM referral r WHERE r.external_ref = given.ref OFFSET 0) referral""")
                // each once: a group may hold one contact twice, and a lookup per reference would find it twice
                .bind("externalRefs", externalRefs.stream().distinct().toArray(String[]::new))
                .map(row -> new Stored(ReferralRepository.row(row),
                        ReferralRepository.rag(row.get("intake_rag", String.class)),
                        row.get("contact_id", Long.class), row.get("child_position", Integer.class),
                        referrer(row), policeRisk(row)))
                .all()
                .sort(Comparator.comparingInt(Stored::position))
                .collectMultimap(stored -> stored.row().externalRef())
                .map(byRef -> {
                    var lists = new java.util.HashMap<String, List<Stored>>();
                    byRef.forEach((ref, rows) -> lists.put(ref, List.copyOf(rows)));
                    return lists;
                });
    }

    /**
     * The referrals received under {@code externalRef}, one per child of that contact, in the order
     * they were received, each with the RAG its contact came in with: with the referrals' other
     * intake fields, which nothing changes after intake, that is the contact as received.
     */
    Flux<Stored> findByExternalRef(String externalRef) {
        return db.sql("SELECT " + ReferralRepository.COLUMNS + """
                        , intake_rag, contact_id, child_position, referrer_name, referrer_role, referrer_agency,
                        referrer_contact, police_risk FROM referral
                        WHERE external_ref = :externalRef ORDER BY child_position""")
                .bind("externalRef", externalRef)
                .map(row -> new Stored(ReferralRepository.row(row),
                        ReferralRepository.rag(row.get("intake_rag", String.class)),
                        row.get("contact_id", Long.class), row.get("child_position", Integer.class),
                        referrer(row), policeRisk(row)))
                .all()
                .sort(Comparator.comparingInt(Stored::position));
    }

    /**
     * The earlier referrals of the child of referral {@code id}: the same child by its key, or
     * likely the same by {@link #SAME_CHILD}; not those of its own contact; newest first.
     */
    Flux<org.mashlive.referral.api.IntakeAnswer.Earlier> earlier(long id, int most) {
        return db.sql("""
                        SELECT r.id, r.reference, r.received_at, r.source, r.stage, r.outcome, r.decided_at,
                               r.child_key = g.child_key AS exact
                        FROM (SELECT id, contact_id, received_at, child_key, child_surname_key AS surname_key,
                                     child_name_key AS name_key, child_born_from AS born_from, child_born_to AS born_to
                              FROM referral WHERE id = :id) g
                        JOIN referral r ON (:sameChild) AND r.contact_id <> g.contact_id
                                           AND r.received_at <= g.received_at
                        ORDER BY r.received_at DESC, r.id DESC
                        LIMIT :most""".replace(":sameChild", SAME_CHILD))
                .bind("id", id)
                .bind("most", most)
                .map(row -> {
                    String outcome = row.get("outcome", String.class);
                    var decidedAt = row.get("decided_at", java.time.OffsetDateTime.class);
                    return new org.mashlive.referral.api.IntakeAnswer.Earlier(row.get("reference", String.class),
                            row.get("received_at", java.time.OffsetDateTime.class).toInstant(),
                            org.mashlive.board.api.Source.valueOf(row.get("source", String.class)),
                            Stage.valueOf(row.get("stage", String.class)),
                            outcome == null ? null : org.mashlive.board.api.Outcome.valueOf(outcome),
                            decidedAt == null ? null : decidedAt.toInstant(),
                            Boolean.TRUE.equals(row.get("exact", Boolean.class)));
                })
                .all();
    }

    /** The references of the other children of referral {@code id}'s contact, in the order it named them. */
    Mono<List<String>> siblingsOf(long id) {
        return db.sql("""
                        SELECT s.reference FROM referral r JOIN referral s ON s.contact_id = r.contact_id AND s.id <> r.id
                        WHERE r.id = :id ORDER BY s.child_position""")
                .bind("id", id)
                .map(row -> row.get("reference", String.class))
                .all()
                .collectList();
    }

    /** The ids of referrals by reference. */
    Mono<Map<String, Long>> ids(java.util.Collection<String> references) {
        return db.sql("SELECT reference, id FROM referral WHERE reference = ANY(:refs)")
                .bind("refs", references.toArray(String[]::new))
                .map(row -> Map.entry(row.get("reference", String.class), row.get("id", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Who referred, as stored: null when nobody was named. */
    static Referrer referrer(io.r2dbc.spi.Readable row) {
        String name = row.get("referrer_name", String.class);
        return name == null ? null : new Referrer(name, row.get("referrer_role", String.class),
                row.get("referrer_agency", String.class), row.get("referrer_contact", String.class));
    }

    static PoliceRisk policeRisk(io.r2dbc.spi.Readable row) {
        String risk = row.get("police_risk", String.class);
        return risk == null ? null : PoliceRisk.valueOf(risk);
    }

    /** Who referred referral {@code id}, and the police's risk grading of it: for duty screens only. */
    Mono<Source> sourceOf(long id) {
        return db.sql("""
                        SELECT referrer_name, referrer_role, referrer_agency, referrer_contact, police_risk
                        FROM referral WHERE id = :id""")
                .bind("id", id)
                .map(row -> new Source(referrer(row), policeRisk(row)))
                .one();
    }

    /** Where a referral came from, beyond its source: the referrer and the police's risk grading. */
    record Source(Referrer referrer, PoliceRisk policeRisk) {
    }

    /** What a contact gives every referral made of it. */
    record Contact(String externalRef, Instant receivedAt, Channel channel, org.mashlive.board.api.Source source,
                   HealthType healthType, String merlinId, String concern, Set<Flag> flags, Consent consent,
                   String consentOverrideReason, Rag rag, Instant dueAt, Referrer referrer, PoliceRisk policeRisk,
                   boolean informationOnly) {

        /** The stage its referrals start at: information only needs no decision. */
        org.mashlive.board.api.Stage stage() {
            return informationOnly ? org.mashlive.board.api.Stage.INFORMATION_ONLY : org.mashlive.board.api.Stage.RECEIVED;
        }
    }

    /** A child to be referred: where it stands among the contact's children, and how it is known again. */
    record NewChild(Child child, ChildKeys.Identity identity, int position) {
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A referral as stored, with the RAG its contact came in with, its contact and its place in it. */
    record Stored(ReferralRepository.Row row, Rag intakeRag, long contactId, int position, Referrer referrer,
                  PoliceRisk policeRisk) {
    }
}

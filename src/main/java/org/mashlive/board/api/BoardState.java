package org.mashlive.board.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The board as a client keeps it: a snapshot with the events after it folded in, and the figures
 * the board shows derived from that. The backend keeps one to hand new subscribers a current
 * snapshot; every wall-board keeps one fed by {@link BoardRoutes#STREAM}.
 *
 * <p>Not thread-safe: one writer applies events in sequence order; readers on other threads take
 * a {@link #snapshot(Instant)} or synchronise on the instance.
 */
public final class BoardState {

    /** How many events the ticker keeps. */
    public static final int RECENT = 20;

    private long seq;
    private final Map<Long, ReferralCard> open = new HashMap<>();
    private LocalDate day;
    private final Map<Source, Integer> arrivals = new EnumMap<>(Source.class);
    private final Map<String, Integer> healthArrivals = new java.util.TreeMap<>();
    private int informationOnlyArrivals;
    private final Deque<BoardEvent> recent = new ArrayDeque<>();
    private final List<TimescaleInfo> timescales;
    private final Map<Long, StaffCard> staff = new HashMap<>();
    private final Map<Long, ShiftCard> shifts = new HashMap<>();
    private final RotaSettings rotaSettings;
    // the rota is rebuilt only after a staff or shift event, not on every read
    private Rota rota;

    private final Map<String, AllocationCard> allocations = new HashMap<>();
    /** Partner requests still waiting, of open referrals, by id. */
    private final Map<Long, PartnerRequestCard> partnerRequests = new HashMap<>();

    private BoardState(BoardSnapshot snapshot) {
        this.seq = snapshot.seq();
        snapshot.open().forEach(card -> open.put(card.id(), card));
        this.day = snapshot.day();
        this.arrivals.putAll(snapshot.arrivals());
        this.healthArrivals.putAll(snapshot.healthArrivals());
        this.informationOnlyArrivals = snapshot.informationOnlyArrivals();
        snapshot.recent().stream().limit(RECENT).forEach(recent::addLast);
        this.timescales = snapshot.timescales();
        snapshot.staff().stream().filter(StaffCard::active).forEach(person -> staff.put(person.id(), person));
        snapshot.shifts().forEach(shift -> shifts.put(shift.id(), shift));
        this.rotaSettings = snapshot.rota();
        snapshot.allocations().forEach(allocation -> allocations.put(key(allocation), allocation));
        snapshot.partnerRequests().forEach(request -> partnerRequests.put(request.id(), request));
    }

    private static String key(AllocationCard allocation) {
        return key(allocation.workType(), allocation.workId());
    }

    private static String key(WorkType type, long workId) {
        return type.name() + ":" + workId;
    }

    /** A state that starts from {@code snapshot}. */
    public static BoardState from(BoardSnapshot snapshot) {
        return new BoardState(snapshot);
    }

    /** The last sequence folded in. */
    /**
     * The hub's zone, from its calendar as the backend carries it in the snapshot: the board's
     * calendar day ("arrivals today") and every time it shows are in this zone.
     */
    public ZoneId zone() {
        return rotaSettings.coreHours().zone();
    }

    /** The calendar day {@code t} falls on in the hub's zone. */
    public LocalDate dayOf(Instant t) {
        return LocalDate.ofInstant(t, zone());
    }

    public long seq() {
        return seq;
    }

    /** The day that {@link #arrivals()} counts. */
    public LocalDate day() {
        return day;
    }

    /** The timescales in force. */
    public List<TimescaleInfo> timescales() {
        return timescales;
    }

    /**
     * Folds in {@code event} if it is the next one.
     *
     * @return {@link Applied#APPLIED}; {@link Applied#DUPLICATE} for one already folded in (left
     *     alone); {@link Applied#GAP} when events between are missing (left alone: the caller must
     *     fetch them or start again from a new snapshot)
     */
    public Applied apply(BoardEvent event) {
        if (event.seq() <= seq) {
            return Applied.DUPLICATE;
        }
        if (event.seq() != seq + 1) {
            return Applied.GAP;
        }
        seq = event.seq();
        switch (event.type().subject()) {
            case STAFF -> {
                var person = event.staff();
                if (person.active()) {
                    staff.put(person.id(), person);
                } else {
                    staff.remove(person.id());
                    shifts.values().removeIf(shift -> shift.staffId() == person.id());
                }
                rota = null;
                return Applied.APPLIED;
            }
            case SHIFT -> {
                if (event.type() == BoardEventType.SHIFT_REMOVED) {
                    shifts.remove(event.shift().id());
                } else {
                    shifts.put(event.shift().id(), event.shift());
                }
                rota = null;
                return Applied.APPLIED;
            }
            case ALLOCATION -> {
                allocations.put(key(event.allocation()), event.allocation());
                remember(event);
                return Applied.APPLIED;
            }
            case PARTNER_REQUEST -> {
                foldPartnerRequest(event.partnerRequest());
                return Applied.APPLIED;
            }
            case REFERRAL -> {
            }
        }
        var card = event.referral();
        if (card.open()) {
            open.put(card.id(), card);
        } else {
            open.remove(card.id());
            // decided: nobody works it any more
            for (var type : WorkType.values()) {
                allocations.remove(key(type, card.id()));
            }
            partnerRequests.values().removeIf(request -> request.referralId() == card.id());
        }
        if (card.policeCheck() != PoliceCheck.WAITING) {
            allocations.remove(key(WorkType.POLICE_CHECK, card.id()));
        }
        if (event.type() == BoardEventType.REFERRAL_RECEIVED) {
            var received = LocalDate.ofInstant(card.receivedAt(), zone());
            rollTo(received);
            if (received.equals(day)) {
                arrivals.merge(card.source(), 1, Integer::sum);
                if (card.healthType() != null) {
                    healthArrivals.merge(card.healthType(), 1, Integer::sum);
                }
                if (card.stage() == Stage.INFORMATION_ONLY) {
                    informationOnlyArrivals++;
                }
            }
        }
        remember(event);
        return Applied.APPLIED;
    }

    /** Keeps {@code event} for the ticker: referral and allocation events ({@link BoardEvent#onTicker()}). */
    private void remember(BoardEvent event) {
        recent.addFirst(event);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    /** Who works a case, if anyone. */
    public java.util.Optional<AllocationCard> allocation(WorkType type, long workId) {
        return java.util.Optional.ofNullable(allocations.get(key(type, workId)));
    }

    /** Every allocation of open work, in no particular order. */
    public Collection<AllocationCard> allocations() {
        return allocations.values();
    }

    /** How many open cases each person holds (referrals and waiting police checks), by staff id. */
    public Map<Long, Integer> caseloads() {
        var loads = new HashMap<Long, Integer>();
        for (var allocation : allocations.values()) {
            loads.merge(allocation.staffId(), 1, Integer::sum);
        }
        return loads;
    }

    /** Open police notifications whose police checks are waiting, longest waiting first. */
    public List<ReferralCard> checksWaiting() {
        return open.values().stream()
                .filter(ReferralCard::awaitingPoliceCheck)
                .sorted(Comparator.comparing(ReferralCard::receivedAt).thenComparing(ReferralCard::id))
                .toList();
    }

    /** A request still waiting is kept; an answered one, or one of a referral already decided, is let go. */
    private void foldPartnerRequest(PartnerRequestCard request) {
        if (request.open() && open.containsKey(request.referralId())) {
            partnerRequests.put(request.id(), request);
        } else {
            partnerRequests.remove(request.id());
        }
    }

    /** The partner requests still waiting, of open referrals, in no particular order. */
    public Collection<PartnerRequestCard> partnerRequests() {
        return partnerRequests.values();
    }

    /**
     * What the hub waits for from each agency at {@code now}, in {@link Agency} order, every agency
     * listed. The police's row counts the police checks waiting ({@link #policeCheckRequests()}) with
     * the information requests to them.
     */
    public List<PartnerWaiting> waitingOnPartners(Instant now) {
        var waiting = new ArrayList<PartnerRequestCard>(partnerRequests.values());
        waiting.addAll(policeCheckRequests());
        return PartnerWaiting.of(waiting, now);
    }

    /**
     * The police checks waiting, as the requests to the police they are: one per open police
     * notification whose checks are not done, asked when it was received, at its RAG, due when its
     * screening is due. The board learns of them from the referral's own events, which carry where
     * its checks stand, so they have no request id here: each takes its referral's id, negated, so
     * that it never meets a request's (docs/decisions/0033-police-checks-as-partner-requests.md).
     */
    public List<PartnerRequestCard> policeCheckRequests() {
        return checksWaiting().stream()
                .map(card -> new PartnerRequestCard(-card.id(), card.id(), card.reference(), Agency.POLICE, null,
                        card.rag() == null ? Rag.AMBER : card.rag(), card.receivedAt(), card.dueAt(), 0, null, null,
                        false))
                .toList();
    }

    /** The outcome of {@link #apply(BoardEvent)}. */
    public enum Applied { APPLIED, DUPLICATE, GAP }

    /**
     * Starts counting arrivals afresh when {@code today} is later than the day counted so far; a
     * board calls it as the clock passes midnight.
     */
    public void rollTo(LocalDate today) {
        if (day == null || today.isAfter(day)) {
            day = today;
            arrivals.clear();
            healthArrivals.clear();
            informationOnlyArrivals = 0;
        }
    }

    /**
     * An immutable copy of the state as a snapshot, stamped {@code at}. Shifts that ended more than
     * {@link #SHIFTS_KEPT} before {@code at} are dropped from the state and the snapshot.
     */
    public BoardSnapshot snapshot(Instant at) {
        var cards = new ArrayList<>(open.values());
        cards.sort(Comparator.comparing(ReferralCard::receivedAt).thenComparing(ReferralCard::id));
        var since = at.minus(SHIFTS_KEPT);
        if (shifts.values().removeIf(shift -> !shift.end().isAfter(since))) {
            rota = null;
        }
        var people = new ArrayList<>(staff.values());
        people.sort(Comparator.comparing(StaffCard::id));
        var rotaShifts = new ArrayList<>(shifts.values());
        rotaShifts.sort(Comparator.comparing(ShiftCard::start).thenComparing(ShiftCard::id));
        var allocated = new ArrayList<>(allocations.values());
        allocated.sort(Comparator.comparing(AllocationCard::workType).thenComparing(AllocationCard::workId));
        var requests = new ArrayList<>(partnerRequests.values());
        requests.sort(Comparator.comparing(PartnerRequestCard::id));
        return new BoardSnapshot(seq, at, cards, day, arrivals, List.copyOf(recent), timescales, people, rotaShifts,
                rotaSettings, allocated, healthArrivals, informationOnlyArrivals, requests);
    }

    /** How long after its end a shift stays on the board. */
    public static final Duration SHIFTS_KEPT = Duration.ofHours(24);

    // ---- the people

    /** The rota as it stands: the people in post, their shifts and the settings to read them with. */
    public Rota rota() {
        if (rota == null) {
            rota = new Rota(staff.values(), shifts.values(), rotaSettings);
        }
        return rota;
    }

    /** The people in post, in no particular order. */
    public Collection<StaffCard> staff() {
        return staff.values();
    }

    /** The shifts known, in no particular order. */
    public Collection<ShiftCard> shifts() {
        return shifts.values();
    }

    /** The police officers on site at {@code now} against the maximum. */
    public Rota.OfficersOnSite officersOnSite(Instant now) {
        return rota().officers(now);
    }

    /**
     * The police desk at {@code now}: officers on site, how many hold a police check that is
     * waiting, how many are free (on shift, not on a break, no check in hand), and the checks
     * waiting with the oldest of them.
     */
    public PoliceDesk policeDesk(Instant now) {
        var rota = rota();
        var officers = rota.officers(now);
        var waiting = checksWaiting();
        var waitingIds = new java.util.HashSet<Long>();
        waiting.forEach(card -> waitingIds.add(card.id()));
        var busy = new java.util.HashSet<Long>();
        int unallocated = waiting.size();
        for (var allocation : allocations.values()) {
            if (allocation.workType() == WorkType.POLICE_CHECK && waitingIds.contains(allocation.workId())) {
                busy.add(allocation.staffId());
                unallocated--;
            }
        }
        int onChecks = 0;
        int freeOnChecks = 0;
        for (var person : staff.values()) {
            if (person.role() == StaffRole.MASH_POLICE_OFFICER && busy.contains(person.id())) {
                var presence = rota.presence(person, now);
                if (presence != Presence.OFF) {
                    onChecks++;
                }
                if (presence == Presence.ON_SHIFT) {
                    freeOnChecks++;
                }
            }
        }
        var oldest = waiting.isEmpty() ? null : waiting.getFirst();
        return new PoliceDesk(officers.onSite(), officers.max(), onChecks, officers.free() - freeOnChecks,
                officers.onBreak(), waiting.size(), unallocated, oldest,
                oldest == null ? null : Duration.between(oldest.receivedAt(), now));
    }

    /**
     * The police desk at one instant.
     *
     * @param onSite            officers on shift, on a break or not
     * @param max               how many officers the hub has room for
     * @param onChecks          officers on site holding a police check that is waiting
     * @param free              officers on shift, not on a break, with no check in hand
     * @param onBreak           officers on a break
     * @param checksWaiting     open police notifications whose checks are not done
     * @param checksUnallocated of those, how many nobody holds
     * @param oldestWaiting     the check waiting longest, or null
     * @param oldestAge         how long it has waited, or null
     */
    public record PoliceDesk(int onSite, int max, int onChecks, int free, int onBreak, int checksWaiting,
                             int checksUnallocated, ReferralCard oldestWaiting, Duration oldestAge) {
    }

    /** Who covers out of hours at {@code now}, the next handover, and the gaps in the next 72 hours. */
    public Rota.OutOfHoursCover outOfHoursCover(Instant now) {
        return rota().cover(now);
    }

    /**
     * Open referrals taken out of hours that wait for pick-up at the start of the next working
     * day: received outside core hours since the start of the last working day whose core hours
     * have ended (see {@link CoreHours#startOfLastWorkingDay}), oldest first.
     */
    public OutOfHoursContacts outOfHoursContacts(Instant now) {
        var core = rotaSettings.coreHours();
        var since = core.startOfLastWorkingDay(now);
        var references = open.values().stream()
                .filter(card -> !card.receivedAt().isBefore(since) && !card.receivedAt().isAfter(now))
                .filter(card -> !core.isCore(card.receivedAt()))
                .sorted(Comparator.comparing(ReferralCard::receivedAt).thenComparing(ReferralCard::id))
                .map(ReferralCard::reference)
                .toList();
        return new OutOfHoursContacts(since, references);
    }

    /**
     * Open referrals taken out of hours and waiting for pick-up.
     *
     * @param since      the start of the last working day; contacts taken out of hours after it count
     * @param references their references, oldest first
     */
    public record OutOfHoursContacts(Instant since, List<String> references) {

        public OutOfHoursContacts {
            references = List.copyOf(references);
        }

        public int count() {
            return references.size();
        }
    }

    /** Every open referral, in no particular order. */
    public Collection<ReferralCard> open() {
        return open.values();
    }

    /** How many referrals are open. */
    public int openCount() {
        return open.size();
    }

    /** How many open referrals are in {@code stage} with {@code rag} (null: not yet rated). */
    public int count(Stage stage, Rag rag) {
        int n = 0;
        for (var card : open.values()) {
            if (card.stage() == stage && card.rag() == rag) {
                n++;
            }
        }
        return n;
    }

    /**
     * The oldest open referral of each RAG (and of the unrated), with how it stands against its
     * timescale at {@code now}; RAGs with nothing open are left out. Red first, unrated last.
     */
    public List<Oldest> oldestByRag(Instant now) {
        var oldest = new HashMap<Rag, ReferralCard>();
        ReferralCard unrated = null;
        for (var card : open.values()) {
            if (card.rag() == null) {
                if (unrated == null || older(card, unrated)) {
                    unrated = card;
                }
            } else {
                oldest.merge(card.rag(), card, (a, b) -> older(a, b) ? a : b);
            }
        }
        var result = new ArrayList<Oldest>();
        for (var rag : Rag.values()) {
            var card = oldest.get(rag);
            if (card != null) {
                result.add(Oldest.of(card, now));
            }
        }
        if (unrated != null) {
            result.add(Oldest.of(unrated, now));
        }
        return result;
    }

    private static boolean older(ReferralCard a, ReferralCard b) {
        int byTime = a.receivedAt().compareTo(b.receivedAt());
        return byTime < 0 || (byTime == 0 && a.id() < b.id());
    }

    /** The open referrals past their timescale at {@code now}, longest overdue first. */
    public List<ReferralCard> breaches(Instant now) {
        return open.values().stream()
                .filter(card -> card.breachedAt(now))
                .sorted(Comparator.comparing(ReferralCard::dueAt).thenComparing(ReferralCard::id))
                .toList();
    }

    /** Contacts received on {@link #day()}, by source. */
    public Map<Source, Integer> arrivals() {
        return Map.copyOf(arrivals);
    }

    /** Health contacts received on {@link #day()}, by the part of health they came from. */
    public Map<String, Integer> healthArrivals() {
        return Map.copyOf(healthArrivals);
    }

    /** Contacts received on {@link #day()} for information only, needing no decision. */
    public int informationOnlyArrivals() {
        return informationOnlyArrivals;
    }

    /** Today's arrivals by source group with their shares, in {@link SourceGroup} order. */
    public List<Share> arrivalShares() {
        var byGroup = new EnumMap<SourceGroup, Integer>(SourceGroup.class);
        for (var group : SourceGroup.values()) {
            byGroup.put(group, 0);
        }
        arrivals.forEach((source, n) -> byGroup.merge(source.group(), n, Integer::sum));
        int total = byGroup.values().stream().mapToInt(Integer::intValue).sum();
        return byGroup.entrySet().stream()
                .map(e -> new Share(e.getKey(), e.getValue(), total == 0 ? 0 : 100.0 * e.getValue() / total))
                .toList();
    }

    /** The latest referral events, newest first. */
    public List<BoardEvent> recent() {
        return List.copyOf(recent);
    }

    /**
     * The oldest open referral of a RAG.
     *
     * @param rag      its RAG, or null for not yet rated
     * @param card     the referral
     * @param age      how long it has waited
     * @param timeLeft what is left of its timescale, negative once breached
     */
    public record Oldest(Rag rag, ReferralCard card, Duration age, Duration timeLeft) {

        static Oldest of(ReferralCard card, Instant now) {
            var left = card.dueAt() == null ? null : Duration.between(now, card.dueAt());
            return new Oldest(card.rag(), card, Duration.between(card.receivedAt(), now), left);
        }

        public boolean breached() {
            return timeLeft != null && timeLeft.isNegative();
        }
    }

    /**
     * One group's part of today's arrivals.
     *
     * @param group   the source group
     * @param count   how many contacts
     * @param percent its share of all today's contacts, 0 to 100
     */
    public record Share(SourceGroup group, int count, double percent) {
    }
}

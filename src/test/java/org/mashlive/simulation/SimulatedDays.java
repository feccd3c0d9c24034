package org.mashlive.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mashlive.board.api.Rag;

/**
 * What the simulator's model makes of a stretch of days, for tests outside this package: every
 * contact that arrives, its RAG as it changes and when it is decided. The same model, seed and
 * draws as a simulator run, read straight from the plans instead of through a front door.
 */
public final class SimulatedDays {

    private SimulatedDays() {
    }

    /** A RAG set at an instant. */
    public record Rating(Instant at, Rag rag) {
    }

    /**
     * One contact as it turned out.
     *
     * @param id        its number in arrival order, from 1
     * @param receivedAt when it arrived
     * @param ratings   the RAG at intake (at {@code receivedAt}, when rated then) and every rating after, in order
     * @param decidedAt when it was decided; null if its plan has no decision
     */
    public record Referral(long id, Instant receivedAt, List<Rating> ratings, Instant decidedAt) {

        /** Its RAG at {@code t}: the last rating at or before it; null while not yet rated. */
        public Rag ragAt(Instant t) {
            Rag rag = null;
            for (var rating : ratings) {
                if (!rating.at().isAfter(t)) {
                    rag = rating.rag();
                }
            }
            return rag;
        }

        /** Whether it is open at {@code t}: received, not yet decided. */
        public boolean openAt(Instant t) {
            return !receivedAt.isAfter(t) && (decidedAt == null || decidedAt.isAfter(t));
        }
    }

    /** The contacts arriving in {@code [from, to)} for the model seeded {@code seed}, and how each turned out. */
    public static List<Referral> between(long seed, double contactsPerYear, Instant from, Instant to) {
        var model = ContactModel.seeded(seed, contactsPerYear, Set.of());
        var referrals = new ArrayList<Referral>();
        Instant at = model.nextArrival(from);
        while (at.isBefore(to)) {
            var contact = model.nextContact(at);
            var ratings = new ArrayList<Rating>();
            if (contact.referral().rag() != null) {
                ratings.add(new Rating(at, contact.referral().rag()));
            }
            Instant decided = null;
            for (var step : contact.plan().steps()) {
                Instant when = at.plus(step.after());
                switch (step.action()) {
                    case Plan.Rate rate -> ratings.add(new Rating(when, rate.rag()));
                    case Plan.Decide decide -> decided = when;
                    case Plan.Move move -> {
                    }
                }
            }
            referrals.add(new Referral(referrals.size() + 1, at, List.copyOf(ratings), decided));
            at = model.nextArrival(at);
        }
        return referrals;
    }
}

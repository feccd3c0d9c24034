package org.mashlive.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.TimescaleInfo;

/** Board records for tests. Every card carries the same distinctive initials and child key, so a test can prove neither is shown. */
public final class Cards {

    public static final String INITIALS = "Q.X.Z.";
    public static final String CHILD_KEY = "ck-zq9x-7731";

    public static final List<TimescaleInfo> TIMESCALES = List.of(
            new TimescaleInfo(Rag.RED, Duration.ofHours(4), false),
            new TimescaleInfo(Rag.AMBER, Duration.ofHours(24), true),
            new TimescaleInfo(Rag.GREEN, Duration.ofHours(72), false),
            new TimescaleInfo(null, Duration.ofHours(1), false));

    private Cards() {
    }

    public static String reference(long id) {
        return "MASH-2026-%06d".formatted(id);
    }

    public static ReferralCard card(long id, Source source, Rag rag, Stage stage, Instant receivedAt, Instant dueAt) {
        return new ReferralCard(id, reference(id), receivedAt, Channel.PHONE, source, INITIALS, CHILD_KEY, rag,
                stage, Set.of(), false, dueAt, null, null);
    }

    public static BoardEvent received(long seq, ReferralCard card) {
        return new BoardEvent(seq, card.receivedAt(), BoardEventType.REFERRAL_RECEIVED, card);
    }

    public static BoardSnapshot snapshot(long seq, Instant at, List<ReferralCard> open, Map<Source, Integer> arrivals,
            List<BoardEvent> recent) {
        return new BoardSnapshot(seq, at, open, LocalDate.ofInstant(at, org.mashlive.TestZone.LONDON),
                arrivals, recent, TIMESCALES);
    }
}

package org.mashlive.wallboard.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.referral.api.AwaitingSignOff;
import org.mashlive.referral.api.NextStep;
import org.mashlive.wallboard.Cards;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.Liveness;
import org.mashlive.wallboard.MutableClock;
import org.mashlive.wallboard.TestBoardFeed;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

/** The sign-off queue against a known board and a backend that answers what each test says. */
class SignOffViewTest extends BrowserlessTest {

    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    private final TestBoardFeed feed = new TestBoardFeed();
    private final TestDutyBackend backend = new TestDutyBackend();

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(org.mashlive.testing.TestInstantiatorFactory.class);
    }

    SignOffViewTest() {
        TestDutyViews.feed = feed;
        TestDutyViews.clock = new MutableClock(NOW);
        TestDutyViews.backend = backend;
    }

    private static ReferralCard waiting(long id, Instant since) {
        return new ReferralCard(id, Cards.reference(id), since.minus(Duration.ofHours(2)), Channel.PHONE, Source.HEALTH,
                "A.B.", "ck-" + id, Rag.AMBER, Stage.AWAITING_DECISION, Set.of(), false, NOW.plus(Duration.ofHours(20)),
                null, null, PoliceCheck.NOT_NEEDED, NOW.plus(Duration.ofHours(3)), since);
    }

    private static AwaitingSignOff awaiting(long id, String by, String name, Instant since) {
        return new AwaitingSignOff(id, Cards.reference(id), Rag.AMBER, Outcome.EARLY_HELP, "Early help",
                NextStep.EARLY_HELP, null, "Family asks for support with a teenager", by, name, since,
                NOW.plus(Duration.ofHours(3)));
    }

    private SignOffView open() {
        var first = NOW.minus(Duration.ofMinutes(95));
        var second = NOW.minus(Duration.ofMinutes(10));
        feed.set(BoardState.from(Cards.snapshot(9, NOW, List.of(waiting(201, first), waiting(202, second)), Map.of(),
                List.of())), Liveness.LIVE);
        backend.awaiting = List.of(awaiting(201, "duty.lead2", "Jo Walsh (duty lead)", first),
                awaiting(202, "duty.lead", "Sam Okafor (duty lead)", second));
        var view = navigate("sign-off", SignOffView.class);
        view.refresh();
        return view;
    }

    private List<String> notices() {
        return $(Notification.class).all().stream().filter(Notification::isOpened).map(n -> test(n).getText()).toList();
    }

    @Test
    void aDecisionArrivingByPushIsReadFromTheBackendOnAThreadThatMayWait() {
        var view = open();
        int reads = backend.awaitingReads.get();
        var third = NOW.minus(Duration.ofMinutes(2));
        backend.awaiting = Stream.concat(backend.awaiting.stream(),
                Stream.of(awaiting(203, "duty.lead2", "Jo Walsh (duty lead)", third))).toList();

        // In a server nobody holds the session's lock between requests, so a push runs on the thread
        // that brings it: the reactive timer's, where the real connection refuses to wait for an answer.
        var session = VaadinSession.getCurrent();
        session.unlock();
        try {
            feed.set(BoardState.from(Cards.snapshot(10, NOW, List.of(waiting(201, NOW.minus(Duration.ofMinutes(95))),
                    waiting(202, NOW.minus(Duration.ofMinutes(10))), waiting(203, third)), Map.of(), List.of())),
                    Liveness.LIVE);
            await().atMost(5, TimeUnit.SECONDS).until(() -> backend.awaitingReads.get() > reads);
        } finally {
            session.lock();
        }
        await().pollInSameThread().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(view.count.getText()).startsWith("3 decisions wait");
        });
        assertThat(backend.onNonBlockingThreads).hasValue(0);
        assertThat(notices()).isEmpty();
    }

    @Test
    void showsWhatWaitsAndForHowLongAndLeavesYourOwnToAnotherLead() {
        var view = open();
        assertThat(view.count.getText()).isEqualTo("2 decisions wait, the longest for 1 h 35 m");
        String first = view.queue.getChildren().toList().get(0).getElement().getTextRecursively();
        assertThat(first).contains("MASH-2026-000201", "Early help", "Jo Walsh (duty lead)",
                "Family asks for support with a teenager");
        assertThat($(Button.class).id("sign-off-authorise-MASH-2026-000201")).isNotNull();
        assertThat($(Button.class).all()).noneMatch(b -> "sign-off-authorise-MASH-2026-000202".equals(b.getId().orElse("")));
        assertThat(view.queue.getChildren().toList().get(1).getElement().getTextRecursively())
                .contains("Your decision: another duty lead signs it off or returns it.");
    }

    @Test
    void authoriseAndReturnGoToTheBackendAsThePersonAndRefusalsAreShownInItsWords() {
        open();
        test($(Button.class).id("sign-off-authorise-MASH-2026-000201")).click();
        assertThat(backend.screening).containsExactly(
                "duty.lead sign-off SignOffRequest[reference=MASH-2026-000201, reason=null]");
        assertThat(notices()).containsExactly("MASH-2026-000201 signed off: Early help");

        backend.nextFailure = new DutyException(DutyException.Kind.REFUSED, "reason: must say why the decision is returned");
        test($(Button.class).id("sign-off-return-MASH-2026-000201")).click();
        assertThat(notices()).containsExactly("MASH-2026-000201: reason: must say why the decision is returned");

        $(TextField.class).id("sign-off-reason-MASH-2026-000201").setValue("Speak to the school first");
        test($(Button.class).id("sign-off-return-MASH-2026-000201")).click();
        assertThat(backend.screening).last().isEqualTo(
                "duty.lead return SignOffRequest[reference=MASH-2026-000201, reason=Speak to the school first]");
        assertThat(notices()).containsExactly("MASH-2026-000201 returned for another decision");
    }
}

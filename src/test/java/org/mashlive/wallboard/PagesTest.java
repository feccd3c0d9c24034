package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.mashlive.wallboard.shell.Pages;

import com.vaadin.flow.router.Route;

/** The shell's list of pages says what the views themselves declare: their route and their roles. */
class PagesTest {

    private static final Map<Pages, Class<?>> VIEWS = Map.ofEntries(Map.entry(Pages.DISAGREEMENTS,
            view("org.mashlive.wallboard.quality.DisagreementsView")));

    private static final Map<Pages, Class<?>> OTHER_VIEWS = Map.of(
            Pages.BOARD, view("org.mashlive.wallboard.board.BoardView"), Pages.DUTY, view("org.mashlive.wallboard.duty.DutyView"),
            Pages.SIGN_OFF, view("org.mashlive.wallboard.duty.SignOffView"),
            Pages.CAPACITY, CapacityView.class, Pages.INTAKE, view("org.mashlive.wallboard.intake.IntakeView"),
            Pages.QUALITY, view("org.mashlive.wallboard.quality.QualityView"),
            Pages.FEEDBACK, view("org.mashlive.wallboard.quality.FeedbackView"),
            Pages.KIOSKS, view("org.mashlive.wallboard.admin.KiosksView"));

    /** A view kept package-private in its own package. */
    private static Class<?> view(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachPageHasTheRouteAndTheRolesOfItsView() {
        for (var page : Pages.values()) {
            var view = VIEWS.containsKey(page) ? VIEWS.get(page) : OTHER_VIEWS.get(page);
            assertThat(view).as(page.name()).isNotNull();
            assertThat(view.getAnnotation(Route.class).value()).as(page.name()).isEqualTo(page.path());
            assertThat(view.getAnnotation(RolesAllowed.class).value()).as(page.name())
                    .containsExactlyInAnyOrderElementsOf(page.roles());
        }
    }
}

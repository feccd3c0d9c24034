package org.mashlive.wallboard.duty;

import java.time.Duration;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * A view's notifications, one at a time (the duty view's, sign-off's, the quality pages'): a new one replaces the one showing, so a lead reads
 * the latest answer rather than a stack of them.
 */
public final class Notices {

    private static final Duration SHOWN = Duration.ofSeconds(10);

    private Notification current;

    /** Shows {@code text}, closing whatever was showing; an error is marked as one. */
    public void show(String text, boolean error) {
        if (current != null) {
            current.close();
        }
        var notification = new Notification(text, (int) SHOWN.toMillis(), Notification.Position.TOP_CENTER);
        notification.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        notification.addClassName("duty-notice");
        // read out by screen readers as it appears, errors at once
        notification.getElement().setAttribute("role", error ? "alert" : "status");
        notification.open();
        current = notification;
    }

    /** The notification showing now, if any. */
    public Notification current() {
        return current != null && current.isOpened() ? current : null;
    }
}

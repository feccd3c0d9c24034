package org.mashlive.wallboard.shell;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Says on every view's page that it is in British English, so a screen reader reads it as such and
 * the browser offers no translation; Vaadin's page leaves {@code <html lang>} unset.
 */
@Component
class PageLanguage implements VaadinServiceInitListener {

    static final String LANGUAGE = "en-GB";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> response.getDocument().selectFirst("html").attr("lang", LANGUAGE));
    }
}

package org.mashlive.wallboard;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every wall-board view: server push for live figures, Lumo in its dark scheme
 * (chosen with {@code @ColorScheme}, no custom theme) and the board's own plain stylesheet, served
 * from {@code META-INF/resources/styles/} (its source is {@code frontend/styles/}).
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/wallboard.css")
@ColorScheme(ColorScheme.Value.DARK)
public class WallboardShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Stronger Families Hub · MASH live board");
        // a kiosk screen: no zooming, no translation prompts over the figures
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        settings.addMetaTag("google", "notranslate");
    }
}

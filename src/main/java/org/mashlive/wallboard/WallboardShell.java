package org.mashlive.wallboard;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every wall-board view: server push for live figures, Lumo in its dark scheme
 * (chosen with {@code @ColorScheme}, no custom theme), the board's own plain stylesheet and the
 * shell's (the header for people, the error pages), served from {@code META-INF/resources/styles/}
 * (their source is {@code frontend/styles/}).
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/wallboard.css")
@StyleSheet("styles/shell.css")
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

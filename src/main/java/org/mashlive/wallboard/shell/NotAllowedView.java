package org.mashlive.wallboard.shell;

import jakarta.annotation.security.PermitAll;

import org.mashlive.board.api.Access;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * What a person sees on a page their role may not open: which roles may, who they are signed in as,
 * and the way back to the board, with status 403 for the navigation. Vaadin shows it in development and
 * production mode alike in place of its own page (which lists the routes in development).
 */
@ParentLayout(ShellLayout.class)
@PermitAll
public class NotAllowedView extends Main implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

    private final AuthenticationContext signedIn;

    public NotAllowedView(AuthenticationContext signedIn) {
        this.signedIn = signedIn;
        setId("not-allowed");
        addClassNames("shell-page", "not-allowed");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        var page = Pages.at(event.getLocation().getPath());
        var heading = new H1("Not allowed");
        var why = new Paragraph(page.map(p -> "The " + p.label() + " page is for " + p.who() + ".").orElse("This page is not open to your role."));
        why.setId("not-allowed-reason");
        var roles = signedIn.getGrantedRoles().stream().filter(Access.PEOPLE::contains).map(Pages::roleLabel).toList();
        var who = new Paragraph("You are signed in as " + signedIn.getPrincipalName().orElse("nobody")
                + (roles.isEmpty() ? "" : " (" + String.join(", ", roles) + ")")
                + ". Ask an admin if your role should change.");
        who.setId("not-allowed-who");
        var back = new Anchor(Pages.BOARD.path(), "Back to the board");
        back.getElement().setAttribute("router-link", true);
        add(heading, why, who, new Paragraph(back));
        return 403;
    }

    @Override
    public String getPageTitle() {
        return "Not allowed · " + ShellSettings.PRODUCT;
    }
}

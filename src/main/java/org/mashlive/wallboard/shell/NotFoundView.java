package org.mashlive.wallboard.shell;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;

/**
 * What a signed-in person sees at an address that is no page: the address, and the way back to the
 * board, with status 404 for the navigation; never Vaadin's list of routes. Vaadin checks an error
 * view's access as any other's (without {@code @PermitAll} a person would be told "not allowed" for a
 * mistyped address).
 */
@ParentLayout(ShellLayout.class)
@PermitAll
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public NotFoundView() {
        setId("not-found");
        addClassNames("shell-page", "not-found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        var what = new Paragraph("There is no page at /" + event.getLocation().getPath()
                + ". The address may be mistyped, or the page may have moved.");
        what.setId("not-found-reason");
        var back = new Anchor(Pages.BOARD.path(), "Back to the board");
        back.getElement().setAttribute("router-link", true);
        add(new H1("Not found"), what, new Paragraph(back));
        return 404;
    }

    @Override
    public String getPageTitle() {
        return "Not found · " + ShellSettings.PRODUCT;
    }
}

package org.mashlive.wallboard.shell;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import org.mashlive.board.api.Access;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The frame of every view. For a person: a header with the product and the hub, who is signed in and
 * as what, the pages their role may open and a way to sign out. A kiosk screen gets no header: the
 * board is the whole screen, and nobody at a TV should be offered to sign it out.
 *
 * <p>Applied to every route by {@code @Layout}; open to anyone signed in, as Vaadin checks a layout's
 * access as well as its view's.
 */
@Layout
@PermitAll
public class ShellLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Div content = new Div();
    private final Map<Pages, Anchor> links = new EnumMap<>(Pages.class);

    public ShellLayout(ShellSettings settings, AuthenticationContext signedIn) {
        addClassName("shell");
        content.addClassName("shell-content");
        Collection<String> roles = signedIn.getGrantedRoles();
        if (roles.stream().anyMatch(Access.PEOPLE::contains)) {
            addClassName("shell-person");
            add(header(settings, signedIn, roles));
        }
        add(content);
    }

    private Header header(ShellSettings settings, AuthenticationContext signedIn, Collection<String> roles) {
        var product = new Span(ShellSettings.PRODUCT);
        product.addClassName("shell-product");
        var hub = new Span(settings.hubName());
        hub.setId("shell-hub");
        hub.addClassName("shell-hub");
        var brand = new Div(product, hub);
        brand.addClassName("shell-brand");

        var list = new UnorderedList();
        for (var page : Pages.allOpenTo(roles)) {
            var link = new Anchor(page.path(), page.label());
            link.setId("nav-" + page.path());
            // the client router follows it inside the app, without loading the page again
            link.getElement().setAttribute("router-link", true);
            links.put(page, link);
            list.add(new ListItem(link));
        }
        var nav = new Nav(list);
        nav.setId("shell-nav");
        nav.getElement().setAttribute("aria-label", "Pages");

        var person = new Span(signedIn.getPrincipalName().orElse(""));
        person.setId("shell-person");
        person.addClassName("shell-person-name");
        var role = new Span(String.join(", ", roles.stream().filter(Access.PEOPLE::contains).map(Pages::roleLabel)
                .toList()));
        role.setId("shell-role");
        role.addClassName("shell-role");
        var signOut = new NativeButton("Sign out", click -> signedIn.logout());
        signOut.setId("sign-out");
        signOut.addClassName("shell-sign-out");
        var user = new Div(person, role, signOut);
        user.addClassName("shell-user");

        var header = new Header(brand, nav, user);
        header.setId("shell-header");
        header.addClassName("shell-header");
        return header;
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        content.getElement().removeAllChildren();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        var current = Pages.at(event.getLocation().getPath()).orElse(null);
        links.forEach((page, link) -> {
            if (page == current) {
                link.getElement().setAttribute("aria-current", "page");
            } else {
                link.getElement().removeAttribute("aria-current");
            }
        });
    }
}

package org.mashlive.wallboard;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The sign-in page: a form that posts {@code username} and {@code password} to {@code /login}, where
 * Spring Security checks them. A failed attempt comes back with {@code ?error}.
 */
@Route("login")
@PageTitle("Sign in · MASH live board")
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView() {
        setId("login-view");
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}

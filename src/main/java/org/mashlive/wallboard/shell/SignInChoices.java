package org.mashlive.wallboard.shell;

/**
 * The ways in the login page offers: the council's identity provider, a username and password (the
 * configured users, or the demo's), or both.
 *
 * @param providerName how the page names the identity provider; null when none is configured
 * @param passwords    whether anyone may sign in with a username and password here
 */
public record SignInChoices(String providerName, boolean passwords) {

    /** The provider's registration, in the addresses Spring Security serves for it. */
    public static final String REGISTRATION_ID = "council";

    /** Where the login page's provider button starts the provider's sign-in. */
    public static final String PROVIDER_SIGN_IN = "/oauth2/authorization/" + REGISTRATION_ID;

    /** The page that says why the provider's sign-in did not let a person in. */
    public static final String REFUSED = "/login/refused";

    /** The session attribute that carries that reason, in words, to {@link #REFUSED}. */
    public static final String REFUSAL = SignInChoices.class.getName() + ".refusal";

    /** The session attribute that carries the refusal's heading. */
    public static final String REFUSAL_TITLE = SignInChoices.class.getName() + ".refusalTitle";

    public boolean provider() {
        return providerName != null;
    }
}

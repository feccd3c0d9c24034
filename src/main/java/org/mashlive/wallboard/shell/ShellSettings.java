package org.mashlive.wallboard.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the pages around the views call the hub.
 *
 * @param hubName the hub's name, on the login page and in the header of every page
 */
@ConfigurationProperties("mash.wallboard")
public record ShellSettings(@DefaultValue(ShellSettings.DEMO_HUB) String hubName) {

    /** The product's name. */
    public static final String PRODUCT = "MASH Live";

    /** The demo's hub. */
    public static final String DEMO_HUB = "Stronger Families Hub";
}

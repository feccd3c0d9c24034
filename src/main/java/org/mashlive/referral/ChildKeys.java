package org.mashlive.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.mashlive.platform.PostgresEndpoint;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Turns a child's names and date of birth into a pseudonymous key: the same child gives the same
 * key (so re-referrals are found and a board can tell two cards are one child), and the key
 * reveals nothing without the secret. Names are compared without case, accents, spaces or
 * punctuation, so "O'Neil" and "ONEIL" are one child.
 */
@Component
class ChildKeys {

    static final String DEMO_SECRET = "mash-live-embedded-demo";

    private final SecretKeySpec key;

    ChildKeys(PrivacyProperties properties, PostgresEndpoint database) {
        String secret = properties.childKeySecret();
        if (!StringUtils.hasText(secret)) {
            if (!database.embedded()) {
                throw new IllegalStateException(
                        "mash.privacy.child-key-secret must be set (environment MASH_PRIVACY_CHILD_KEY_SECRET) "
                                + "when MASH Live uses an external database");
            }
            secret = DEMO_SECRET;
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A 20-character key for {@code child}. */
    String keyOf(Child child) {
        String identity = normal(child.lastName()) + "|" + normal(child.firstName()) + "|" + child.dateOfBirth();
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String normal(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }
}

package org.mashlive.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
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
 *
 * <p>A child not fully known (no first name, an estimated age, not born yet) cannot have that
 * key. It gets a key of what is known, and every child also gets the keys of its family name and
 * of its whole name and the window its birth falls in, by which a later referral finds it again
 * (docs/decisions/0023-knowing-a-child-again.md).
 */
@Component
class ChildKeys {

    static final String DEMO_SECRET = "mash-live-embedded-demo";

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]");

    private final SecretKeySpec key;

    /** One keyed MAC per thread: made and keyed once rather than three times per child taken in. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

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

    /**
     * How a child is known again, all keyed by the secret.
     *
     * @param key        the child key: exact (names and date of birth) for a fully known child,
     *                   otherwise of what is known, never equal to an exact one
     * @param surnameKey the key of the family name
     * @param nameKey    the key of the whole name, null when the first name is not known
     * @param bornFrom   the earliest the child can have been (or be) born
     * @param bornTo     the latest
     */
    record Identity(String key, String surnameKey, String nameKey, LocalDate bornFrom, LocalDate bornTo) {
    }

    /** How {@code child}, referred on {@code on}, is known again. */
    Identity identify(Child child, LocalDate on) {
        String surname = normal(child.lastName());
        String first = child.firstName() == null || normal(child.firstName()).isEmpty() ? null : normal(child.firstName());
        String known = surname + "|" + (first == null ? "" : first) + "|";
        String key;
        LocalDate from;
        LocalDate to;
        if (child.dateOfBirth() != null) {
            from = child.dateOfBirth();
            to = child.dateOfBirth();
            key = first != null ? keyOf(child) : mac("born|" + known + child.dateOfBirth());
        } else if (child.estimatedAge() != null) {
            // an estimate is taken to be a year out either way: born after (on - age - 2 years)
            int age = child.estimatedAge();
            from = on.minusYears(age + 2L).plusDays(1);
            to = on.minusYears(Math.max(age - 1, 0));
            key = mac("about|" + known + on.minusYears(age).getYear());
        } else {
            // a baby comes up to ten weeks early or four weeks late
            var due = child.expectedDeliveryDate();
            from = due.minusWeeks(10);
            to = due.plusWeeks(4);
            key = mac("due|" + known + java.time.YearMonth.from(due));
        }
        return new Identity(key, mac("surname|" + surname), first == null ? null : mac("name|" + surname + "|" + first),
                from, to);
    }

    /** A 20-character key for a fully known {@code child}. */
    String keyOf(Child child) {
        return mac(normal(child.lastName()) + "|" + normal(child.firstName()) + "|" + child.dateOfBirth());
    }

    private String mac(String identity) {
        // doFinal leaves the MAC reset, keyed, for the next identity
        byte[] digest = macs.get().doFinal(identity.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 10);
    }

    private Mac newMac() {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String normal(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String unmarked = MARKS.matcher(decomposed).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(unmarked).replaceAll("").toLowerCase(Locale.ROOT);
    }
}

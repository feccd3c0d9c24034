package org.mashlive.signin;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A stand-in password hash for names that are not users, so that refusing an unknown name costs the
 * same BCrypt check as refusing a known user's wrong password: otherwise the time of a refusal tells
 * which names are users. Its cost is the one most of the users' hashes have.
 */
public final class EqualTime {

    private static final Pattern BCRYPT = Pattern.compile("^(\\{bcrypt})?\\$2[aby]?\\$(\\d\\d)\\$.*");
    private static final int DEFAULT_COST = 10;

    private EqualTime() {
    }

    /** A BCrypt hash (with the {@code {bcrypt}} prefix) of a random password, at the users' usual cost. */
    public static String standInHash(Collection<String> userHashes) {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        return "{bcrypt}" + new BCryptPasswordEncoder(cost(userHashes)).encode(HexFormat.of().formatHex(secret));
    }

    /** The BCrypt cost most of {@code hashes} have; 10, BCrypt's default, when none is BCrypt. */
    static int cost(Collection<String> hashes) {
        Map<Integer, Long> counts = hashes.stream().map(BCRYPT::matcher).filter(java.util.regex.Matcher::matches)
                .map(matcher -> Integer.parseInt(matcher.group(2)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(DEFAULT_COST);
    }
}

package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.mashlive.platform.PostgresEndpoint;

class ChildKeysTest {

    private static final String SECRET = "a-council-secret";

    private final ChildKeys keys = new ChildKeys(new PrivacyProperties(SECRET),
            new PostgresEndpoint("db.example", 5432, "mash", "mash", "pw", false));

    /** The key as decision 23 defines it, computed here from scratch: what stored keys were made with. */
    private static String expected(String identity) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)), 0, 10);
    }

    @Test
    void aFullyKnownChildsKeysAreTheKeyedHashesOfItsNormalisedNames() throws Exception {
        var identity = keys.identify(new Child("Zoë", "O'Neil-Smith", LocalDate.of(2016, 3, 4)), LocalDate.of(2026, 11, 30));

        assertThat(identity.key()).isEqualTo(expected("oneilsmith|zoe|2016-03-04"));
        assertThat(identity.surnameKey()).isEqualTo(expected("surname|oneilsmith"));
        assertThat(identity.nameKey()).isEqualTo(expected("name|oneilsmith|zoe"));
        // the same child written another way is the same child
        assertThat(keys.keyOf(new Child("ZOE", "oneil smith", LocalDate.of(2016, 3, 4)))).isEqualTo(identity.key());
        assertThat(keys.keyOf(new Child("Zoe", "O'Neil-Smith", LocalDate.of(2016, 3, 5)))).isNotEqualTo(identity.key());
    }

    @Test
    void keysMadeOnManyThreadsAtOnceAreTheKeysMadeOnOne() throws Exception {
        List<Child> children = IntStream.range(0, 400)
                .mapToObj(i -> new Child("Child" + i, "Family" + (i % 37), LocalDate.of(2010, 1, 1).plusDays(i)))
                .toList();
        List<String> alone = children.stream().map(keys::keyOf).toList();

        try (var threads = Executors.newFixedThreadPool(8)) {
            List<Callable<List<String>>> tasks = IntStream.range(0, 8)
                    .mapToObj(t -> (Callable<List<String>>) () -> children.stream().map(keys::keyOf).toList())
                    .toList();
            for (var done : threads.invokeAll(tasks)) {
                assertThat(done.get()).isEqualTo(alone);
            }
        }
        assertThat(alone).doesNotHaveDuplicates();
    }
}

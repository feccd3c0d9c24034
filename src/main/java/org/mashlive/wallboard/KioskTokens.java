package org.mashlive.wallboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.mashlive.board.api.Access;
import org.mashlive.kiosk.api.KioskGrant;
import org.mashlive.kiosk.api.KioskRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The kiosk tokens in force: those configured, those in the tokens file as it is now, in the demo
 * the demo token unless {@code mash.kiosk.tokens} names others, and those admins made on the kiosk
 * page, which the backend keeps (by hash) and this asks about.
 *
 * <p>Configured and file tokens are checked on every request of a kiosk screen, so taking a token
 * out of the file refuses it at once; comparisons take constant time. A token made on the page is
 * checked with the backend at a screen's request when the last answer is older than
 * {@code mash.kiosk.check-every}, and in the background for an open board ({@link #inForce}); an
 * admin's revocation on this wall-board takes effect here at once ({@link #revoked}). While the
 * backend does not answer, the last answer stands: a TV keeps its board through a backend restart.
 */
final class KioskTokens implements KioskScreens {

    private static final Logger log = LoggerFactory.getLogger(KioskTokens.class);
    /** Past this many answers kept, old ones are dropped: a stream of wrong tokens cannot fill memory. */
    private static final int KEPT = 1_000;

    private final List<byte[]> fixed;
    private final Path file;
    private volatile FileTime fileVersion;
    private volatile List<byte[]> fromFile = List.of();
    private final KioskLookup backend;
    private final Duration checkEvery;
    private final Clock clock;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    private final Set<String> checking = ConcurrentHashMap.newKeySet();

    /** What the backend last said of a token, and when. */
    private record Checked(Optional<KioskGrant> grant, Instant at) {
    }

    KioskTokens(SignInSettings.Kiosk settings, boolean demo, KioskLookup backend, Clock clock) {
        var tokens = new ArrayList<>(settings.tokens());
        if (demo && tokens.isEmpty()) {
            tokens.add(Access.DEMO_KIOSK_TOKEN);
        }
        this.fixed = bytes(tokens);
        this.file = settings.tokensFile();
        this.backend = backend;
        this.checkEvery = settings.checkEvery();
        this.clock = clock;
        if (file != null) {
            reloadIfChanged();
        }
    }

    /** Whether {@code token} is a kiosk token now. */
    boolean valid(String token) {
        return screen(token).isPresent();
    }

    /** The screen {@code token} signs in, when it is a kiosk token in force now. */
    Optional<KioskScreen> screen(String token) {
        if (!StringUtils.hasText(token)) {
            return Optional.empty();
        }
        if (configured(token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new KioskScreen(KioskRoutes.hash(token), null, null, null));
        }
        String hash = KioskRoutes.hash(token);
        var last = checked.get(hash);
        if (last == null || stale(last)) {
            last = ask(hash).orElse(last);
        }
        return last == null ? Optional.empty() : last.grant().filter(grant -> !grant.revoked())
                .map(grant -> new KioskScreen(hash, grant.id(), grant.name(), grant.team()));
    }

    @Override
    public boolean inForce(KioskScreen screen) {
        if (screen.id() == null) {
            // configured: the hash of each token in force now, compared in constant time
            byte[] hash = screen.tokenHash().getBytes(StandardCharsets.US_ASCII);
            if (file != null) {
                reloadIfChanged();
            }
            boolean found = false;
            for (var known : fixed) {
                found |= MessageDigest.isEqual(hashOf(known), hash);
            }
            for (var known : fromFile) {
                found |= MessageDigest.isEqual(hashOf(known), hash);
            }
            return found;
        }
        var last = checked.get(screen.tokenHash());
        if (last == null || stale(last)) {
            askLater(screen.tokenHash());
        }
        return last == null || last.grant().filter(grant -> !grant.revoked()).isPresent();
    }

    @Override
    public void revoked(long id) {
        checked.replaceAll((hash, last) -> last.grant().filter(grant -> grant.id() == id).isPresent()
                ? new Checked(last.grant().map(grant -> new KioskGrant(grant.id(), grant.name(), grant.team(), true)),
                clock.instant())
                : last);
    }

    private boolean stale(Checked last) {
        return !clock.instant().isBefore(last.at().plus(checkEvery));
    }

    /** Asks the backend now; empty when it did not answer. */
    private Optional<Checked> ask(String hash) {
        try {
            var answer = new Checked(backend.check(hash), clock.instant());
            if (checked.size() >= KEPT) {
                checked.values().removeIf(this::stale);
            }
            checked.put(hash, answer);
            return Optional.of(answer);
        } catch (RuntimeException e) {
            log.warn("The backend did not answer whether a kiosk token is in force; the last answer stands: {}",
                    e.toString());
            return Optional.empty();
        }
    }

    /** Asks the backend in the background, once at a time for a token, so that a board never waits on it. */
    private void askLater(String hash) {
        if (checking.add(hash)) {
            CompletableFuture.runAsync(() -> {
                try {
                    ask(hash);
                } finally {
                    checking.remove(hash);
                }
            });
        }
    }

    private boolean configured(byte[] given) {
        if (file != null) {
            reloadIfChanged();
        }
        boolean found = false;
        for (var known : fixed) {
            found |= MessageDigest.isEqual(known, given);
        }
        for (var known : fromFile) {
            found |= MessageDigest.isEqual(known, given);
        }
        return found;
    }

    private static byte[] hashOf(byte[] token) {
        return KioskRoutes.hash(new String(token, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }

    private synchronized void reloadIfChanged() {
        try {
            if (!Files.exists(file)) {
                if (fileVersion != null || fromFile.isEmpty()) {
                    log.warn("Kiosk tokens file {} is missing: no token from it is accepted", file);
                }
                fileVersion = null;
                fromFile = List.of();
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(fileVersion)) {
                return;
            }
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            fromFile = bytes(lines);
            fileVersion = modified;
            log.info("Kiosk tokens file {} read: {} tokens", file, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the kiosk tokens file " + file, e);
        }
    }

    private static List<byte[]> bytes(List<String> tokens) {
        return tokens.stream().filter(StringUtils::hasText).map(token -> token.getBytes(StandardCharsets.UTF_8))
                .toList();
    }
}

package org.mashlive.wallboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.mashlive.board.api.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The kiosk tokens in force: those configured, those in the tokens file as it is now, and in the demo
 * the demo token unless {@code mash.kiosk.tokens} names others. Checked on every request of a kiosk screen, so taking a
 * token out of the file refuses it at once; comparisons take constant time.
 */
final class KioskTokens {

    private static final Logger log = LoggerFactory.getLogger(KioskTokens.class);

    private final List<byte[]> fixed;
    private final Path file;
    private volatile FileTime fileVersion;
    private volatile List<byte[]> fromFile = List.of();

    KioskTokens(SignInSettings.Kiosk settings, boolean demo) {
        var tokens = new ArrayList<>(settings.tokens());
        if (demo && tokens.isEmpty()) {
            tokens.add(Access.DEMO_KIOSK_TOKEN);
        }
        this.fixed = bytes(tokens);
        this.file = settings.tokensFile();
        if (file != null) {
            reloadIfChanged();
        }
    }

    /** Whether {@code token} is a kiosk token now. */
    boolean valid(String token) {
        if (!StringUtils.hasText(token)) {
            return false;
        }
        if (file != null) {
            reloadIfChanged();
        }
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (var known : fixed) {
            found |= MessageDigest.isEqual(known, given);
        }
        for (var known : fromFile) {
            found |= MessageDigest.isEqual(known, given);
        }
        return found;
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

package dev.byline.insights;

import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Turns a client address or Slack user id into a stable pseudonym (HMAC-SHA256 under a random key kept beside the log),
 * so that a second rating from the same client replaces its first without the log holding who the client is. Without
 * the key file, the pseudonyms cannot be turned back into addresses by trying every address.
 */
public final class Pseudonyms {

    private static final Logger LOG = Logger.getLogger(Pseudonyms.class);

    private final byte[] key;

    Pseudonyms(byte[] key) {
        this.key = key.clone();
    }

    /** Reads {@code <dir>/pseudonym.key}, creating it on first use; a key only in memory if the disk refuses. */
    public static Pseudonyms in(Path dir) {
        Path file = dir.resolve("pseudonym.key");
        try {
            if (Files.exists(file)) {
                byte[] key = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (key.length >= 16) {
                    return new Pseudonyms(key);
                }
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(dir);
            Path tmp = dir.resolve("pseudonym.key.tmp");
            Files.writeString(tmp, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Pseudonyms(key);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("No pseudonym key in %s (%s): ratings are told apart by client until restart only", dir, e.toString());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return new Pseudonyms(key);
        }
    }

    /** @return 16 hex digits standing for {@code who} in its {@code kind} (address, slack) */
    public String of(String kind, String who) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + "\u0000" + (who == null ? "" : who)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

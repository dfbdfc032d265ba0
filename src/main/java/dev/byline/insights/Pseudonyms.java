package dev.byline.insights;

import dev.byline.index.IndexUnavailableException;
import dev.byline.index.solr.SolrState;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a client address or Slack user id into a stable pseudonym (HMAC-SHA256 under a random key kept beside the log),
 * so that a second rating from the same client replaces its first without the log holding who the client is. Without
 * the key, the pseudonyms cannot be turned back into addresses by trying every address. The key is a file beside the
 * log ({@link #in}) or, with SolrCloud, one document all nodes share ({@link #shared}).
 */
public final class Pseudonyms {

    private static final Logger LOG = Logger.getLogger(Pseudonyms.class);

    static final String KEY_KIND = "pseudonym";

    private final Supplier<byte[]> source;
    private byte[] key;

    Pseudonyms(byte[] key) {
        byte[] copy = key.clone();
        this.source = () -> copy;
    }

    private Pseudonyms(Supplier<byte[]> source) {
        this.source = source;
    }

    /**
     * The key every node shares, in SolrCloud ({@code pseudonym:key} in {@link SolrState}): created once by whichever node
     * needs it first (of two racing, one wins and both use its key), so one client's vote counts once whichever node it
     * reaches. Read on first use; while SolrCloud is unreachable {@link #of} throws and is tried again next time.
     */
    public static Pseudonyms shared(SolrState state) {
        return new Pseudonyms(() -> {
            String id = SolrState.id(KEY_KIND, "key");
            Optional<SolrDocument> stored = state.get(id);
            if (stored.isEmpty()) {
                byte[] key = random();
                SolrInputDocument doc = SolrState.document(KEY_KIND, "key");
                doc.setField(SolrState.BODY, HexFormat.of().formatHex(key));
                if (state.create(doc)) {
                    return key;
                }
                stored = winnersKey(state, id);
            }
            return HexFormat.of().parseHex(String.valueOf(stored.get().getFirstValue(SolrState.BODY)));
        });
    }

    /**
     * The key of the node that won the race to create it. The shard's leader refuses the loser as soon as it has the
     * winner's write, which may be before every replica has it: a read may miss it for a moment.
     */
    private static Optional<SolrDocument> winnersKey(SolrState state, String id) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Optional<SolrDocument> stored = state.get(id);
            if (stored.isPresent()) {
                return stored;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IndexUnavailableException("another node created the pseudonym key in " + state.collection()
                + " but it cannot be read", null);
    }

    /** A key in memory only: pseudonyms that hold until restart. */
    static Pseudonyms ephemeral() {
        return new Pseudonyms(random());
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private synchronized byte[] key() {
        if (key == null) {
            key = source.get();
        }
        return key;
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
            byte[] key = random();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("pseudonym.key.tmp");
            Files.writeString(tmp, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Pseudonyms(key);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("No pseudonym key in %s (%s): ratings are told apart by client until restart only", dir, e.toString());
            return ephemeral();
        }
    }

    /** @return 16 hex digits standing for {@code who} in its {@code kind} (address, slack) */
    public String of(String kind, String who) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + "\u0000" + (who == null ? "" : who)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package dev.byline.index;

import dev.byline.config.VectorQuantization;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failing write rolls back while readers keep reading: they never see a closed searcher, nor the failed change. */
class IndexCommitsFaultTest {

    @TempDir
    Path dir;

    private static Document doc(String id) {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.YES));
        return d;
    }

    @Test
    void should_keep_every_reader_working_beside_failing_writes() throws Exception {
        try (IndexCommits commits = new IndexCommits(dir, new StandardAnalyzer(), Map.of("byline.schema", "test"), VectorQuantization.NONE)) {
            commits.commit(w -> w.addDocument(doc("committed")));
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicLong reads = new AtomicLong();
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                readers.add(Thread.ofPlatform().start(() -> {
                    while (writing.get()) {
                        try {
                            int count = commits.<Integer>read(s -> s.count(new MatchAllDocsQuery()));
                            if (count != 1) {
                                errors.add(new AssertionError("saw " + count + " documents"));
                            }
                            reads.incrementAndGet();
                        } catch (Throwable t) {
                            errors.add(t);
                        }
                    }
                }));
            }

            for (int i = 0; i < 100; i++) {
                assertThatThrownBy(() -> commits.commit(w -> {
                    w.addDocument(doc("half-written"));
                    throw new IllegalStateException("the disk is full");
                })).hasMessageContaining("disk is full");
            }
            writing.set(false);
            for (Thread reader : readers) {
                reader.join();
            }

            assertThat(errors).isEmpty();
            assertThat(reads.get()).isPositive();
            commits.commit(w -> w.addDocument(doc("after")));
            int after = commits.<Integer>read(s -> s.count(new MatchAllDocsQuery()));
            assertThat(after).as("writes work again").isEqualTo(2);
        }
    }
}

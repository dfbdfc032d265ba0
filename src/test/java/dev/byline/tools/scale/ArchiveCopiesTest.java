package dev.byline.tools.scale;

import dev.byline.ingest.ArticleValidator;
import dev.byline.ingest.ContentHashes;
import dev.byline.model.Article;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveCopiesTest {

    private static List<Article> bbc;

    @BeforeAll
    static void read() throws Exception {
        bbc = TinyArchive.fixtureArticles();
    }

    @Test
    void should_name_copies_within_the_id_rules() {
        Article copy = ArchiveCopies.copy(bbc.get(0), bbc.get(0).id(), 7);

        assertThat(copy.id()).isEqualTo(bbc.get(0).id() + ":v7");
        assertThat(new ArticleValidator().normalize(List.of(copy))).containsExactly(copy);
        assertThat(ArchiveCopies.copy(bbc.get(0), bbc.get(0).id(), 0)).isSameAs(bbc.get(0));
    }

    @Test
    void should_refuse_a_copy_id_beyond_200_characters() {
        assertThatThrownBy(() -> ArchiveCopies.copyId("a".repeat(197), 12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("200");
    }

    @Test
    void should_make_the_same_copy_every_time() {
        for (Article a : bbc) {
            assertThat(ArchiveCopies.copy(a, a.id(), 42)).isEqualTo(ArchiveCopies.copy(a, a.id(), 42));
        }
    }

    @Test
    void should_give_every_copy_its_own_content_and_body_hash() {
        for (Article a : bbc) {
            Set<String> bodies = new HashSet<>(Set.of(ContentHashes.normalizedBody(a.body())));
            Set<String> contents = new HashSet<>(Set.of(ContentHashes.content(a)));
            for (int k = 1; k <= 150; k++) {
                Article copy = ArchiveCopies.copy(a, a.id(), k);
                assertThat(bodies.add(ContentHashes.normalizedBody(copy.body()))).as("body hash of %s", copy.id()).isTrue();
                assertThat(contents.add(ContentHashes.content(copy))).as("content hash of %s", copy.id()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 29, 99, 100})
    void should_change_only_a_few_words_in_place(int k) {
        for (Article a : bbc) {
            String[] before = a.body().split("\\s+");
            String[] after = ArchiveCopies.copy(a, a.id(), k).body().split("\\s+");
            assertThat(after).hasSameSizeAs(before);
            int changed = 0;
            for (int i = 0; i < before.length; i++) {
                changed += before[i].equals(after[i]) ? 0 : 1;
            }
            assertThat(changed).isBetween(1, 6);
            assertThat(1.0 - (double) changed / before.length).isGreaterThan(0.9);
        }
    }

    @Test
    void should_never_touch_capitalised_words() {
        String text = "Said the chairman. Firm Plans. However, nothing.";

        for (int k = 1; k < 20; k++) {
            assertThat(ArchiveCopies.vary(text, "seed", k, false)).isEqualTo(text);
        }
    }

    @Test
    void should_add_an_edition_line_when_the_words_alone_cannot_differ() {
        String text = "Markets closed. The firm said nothing.";
        Set<String> bodies = new HashSet<>();

        for (int k = 0; k < 30; k++) {
            bodies.add(ContentHashes.normalizedBody(ArchiveCopies.vary(text, "seed", k, true)));
        }

        assertThat(bodies).hasSize(30);
        assertThat(ArchiveCopies.vary(text, "seed", 29, true)).endsWith("\n\n(Edition 29.)");
        assertThat(ArchiveCopies.vary(text, "seed", 29, false)).doesNotContain("Edition");
    }

    @Test
    void should_vary_a_duplicate_like_its_original_when_seeded_with_the_original_id() {
        Article original = bbc.get(0);
        Article duplicate = original.withId("elsewhere/77");

        assertThat(ArchiveCopies.copy(duplicate, original.id(), 5).body()).isEqualTo(ArchiveCopies.copy(original, original.id(), 5).body());
        assertThat(ArchiveCopies.copy(duplicate, duplicate.id(), 5).body()).isNotEqualTo(ArchiveCopies.copy(original, original.id(), 5).body());
    }

    @Test
    void should_only_offer_distinct_lower_case_single_word_synonyms() {
        for (Map.Entry<String, List<String>> e : Synonyms.TABLE.entrySet()) {
            assertThat(e.getKey()).matches("[a-z]+");
            assertThat(e.getValue()).allMatch(s -> s.matches("[a-z]+")).doesNotContain(e.getKey()).doesNotHaveDuplicates();
        }
    }
}

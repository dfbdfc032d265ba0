package dev.byline.story;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StorySignatureTest {

    private static final String REPORT = "Heavy rain flooded the valley on Tuesday, and 300 homes were evacuated. "
            + "The river rose two metres overnight, the highest level since 1998. Emergency crews worked through the night "
            + "to move families to the sports hall in the town centre. The mayor said the clean-up would take weeks and "
            + "asked residents to avoid the flooded roads. Forecasters expect more rain at the weekend.";

    @Test
    void should_rate_a_wire_copy_with_one_edited_sentence_as_the_same_story() {
        String edited = REPORT.replace("300 homes were evacuated", "more than 350 homes had to be evacuated");

        assertThat(StorySignature.of(REPORT).similarity(StorySignature.of(edited))).isGreaterThan(0.6);
    }

    @Test
    void should_ignore_case_punctuation_and_spacing() {
        String restyled = REPORT.toUpperCase().replace(",", "").replace(". ", ".\n\n");

        assertThat(StorySignature.of(REPORT).similarity(StorySignature.of(restyled))).isEqualTo(1.0);
    }

    @Test
    void should_rate_another_article_on_the_same_topic_as_another_story() {
        String other = "Flood defences along the valley will be rebuilt next year, the council said on Tuesday. "
                + "The river burst its banks twice last winter, and residents have asked for higher walls. "
                + "The work will cost 12 million pounds and close the riverside road for six months.";

        assertThat(StorySignature.of(REPORT).similarity(StorySignature.of(other))).isLessThan(0.1);
    }

    @Test
    void should_estimate_the_jaccard_similarity_of_the_shingle_sets() {
        String half = REPORT.substring(0, REPORT.indexOf("Emergency")) + "Completely different words follow here now, "
                + "nothing like the original report at all, with a new ending for the story about something else entirely "
                + "so that roughly half of the three word shingles differ from the first version of the text today.";
        double exact = jaccard(shingles(REPORT), shingles(half));

        assertThat(StorySignature.of(REPORT).similarity(StorySignature.of(half))).isCloseTo(exact, within(0.15));
    }

    @Test
    void should_share_a_band_with_a_near_copy_and_none_with_an_unrelated_text() {
        Set<String> bands = new HashSet<>(StorySignature.of(REPORT).bandKeys());
        String edited = REPORT.replace("Forecasters expect more rain at the weekend.", "");
        String unrelated = "The chancellor announced a cut in fuel duty in the spring budget, to the relief of hauliers.";

        assertThat(StorySignature.of(edited).bandKeys()).hasSize(StorySignature.BANDS).anyMatch(bands::contains);
        assertThat(StorySignature.of(unrelated).bandKeys()).noneMatch(bands::contains);
    }

    @Test
    void should_read_back_what_it_stored_and_nothing_else() {
        StorySignature s = StorySignature.of(REPORT);

        assertThat(StorySignature.fromBytes(s.toBytes()).similarity(s)).isEqualTo(1.0);
        assertThat(StorySignature.fromBytes(new byte[3])).isNull();
        assertThat(StorySignature.fromBytes(null)).isNull();
    }

    private static Set<String> shingles(String text) {
        String[] w = text.toLowerCase().replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= w.length; i++) {
            out.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return common.size() / (double) (a.size() + b.size() - common.size());
    }
}

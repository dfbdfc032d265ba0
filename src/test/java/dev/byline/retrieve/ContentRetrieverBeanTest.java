package dev.byline.retrieve;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.DefaultContentInjector;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link ContentRetriever} bean, and the retrieval augmentor built on it as docs/langchain4j.md
 * shows, over the demo articles the test server starts with.
 */
@QuarkusTest
class ContentRetrieverBeanTest {

    @Inject
    ContentRetriever byline;

    @Test
    void should_be_bylines_retrieval_over_the_served_index() {
        List<Content> contents = byline.retrieve(Query.from("Who invited Putin to Mongolia?"));

        assertThat(contents).hasSizeBetween(1, 8);
        assertThat(contents.get(0).textSegment().text()).contains("Khürelsükh");
        assertThat(contents.get(0).textSegment().metadata().getString("articleId")).startsWith("demo/");
    }

    @Test
    void should_put_the_passages_and_their_citation_keys_in_the_message_an_ai_service_sends() {
        // What an AI service given this augmentor (@RegisterAiService(retrievalAugmentor = ...)) does to each user message.
        RetrievalAugmentor augmentor = DefaultRetrievalAugmentor.builder()
                .contentRetriever(byline)
                .contentInjector(DefaultContentInjector.builder().metadataKeysToInclude(List.of("articleId", "title")).build())
                .build();
        UserMessage question = UserMessage.from("Who invited Putin to Mongolia?");

        AugmentationResult result = augmentor.augment(new AugmentationRequest(question, Metadata.from(question, null, List.of())));

        assertThat(((UserMessage) result.chatMessage()).singleText())
                .startsWith("Who invited Putin to Mongolia?")
                .contains("Khürelsükh")
                .contains("articleId: demo/")
                .contains("title: Putin to visit Mongolia");
    }
}

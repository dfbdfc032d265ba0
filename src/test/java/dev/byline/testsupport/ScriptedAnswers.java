package dev.byline.testsupport;

import dev.byline.answer.AnswerService;
import dev.byline.answer.CitationVerifier;
import dev.byline.answer.ConversationStore;
import dev.byline.answer.Draft;
import dev.byline.answer.QuestionCondenser;
import dev.byline.model.Passage;
import dev.byline.model.Turn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real {@link AnswerService} over a scripted retriever and answerer, for tests of the channels (Slack,
 * webhooks) that need grounded answers with citations. Enabled only by profiles that select it
 * ({@link ChannelsProfile}). The answer says which turn of its conversation it is, and carries text that
 * Slack must not interpret ({@code <!channel>}, a mention, a disguised link). Every sentence quotes its cited
 * passage word for word, so that the citation verifier keeps it.
 * Questions containing "tungsten" find nothing (a refusal); "explode" makes the answerer fail.
 */
@ApplicationScoped
@Alternative
public class ScriptedAnswers {

    public static final Passage PUTIN = new Passage("demo/putin", "demo/putin#0",
            "Putin to visit Mongolia <despite> ICC warrant & protests", "https://example.com/putin?a=1&b=2", "BBC",
            "2024-08-29", 0, 148, "Russian President Vladimir Putin will visit Mongolia on September 3. "
            + "This is turn 1. This is turn 2. This is turn 3. This is turn 4. This is turn 5.", 0.03, 0.9);
    public static final Passage KHURELSUKH = new Passage("demo/invite", "demo/invite#0", "Invitation from Ulaanbaatar",
            null, "Reuters", "2024-09-01T10:00:00Z", 0, 107,
            "He was invited by Khürelsükh, see <!channel> <@U0EVIL> <https://evil.example|bbc.co.uk>.", 0.02, 0.8);

    @Produces
    @Singleton
    @Alternative
    AnswerService scripted(CitationVerifier verifier) {
        Map<String, List<Turn>> conversations = new ConcurrentHashMap<>();
        ConversationStore store = new ConversationStore() {
            @Override
            public List<Turn> history(String id) {
                return conversations.getOrDefault(id, List.of());
            }

            @Override
            public void append(String id, Turn turn) {
                conversations.computeIfAbsent(id, k -> new ArrayList<>()).add(turn);
            }
        };
        QuestionCondenser condenser = (question, history) -> question;
        return new AnswerService(request -> request.query().contains("tungsten") ? List.of() : List.of(PUTIN, KHURELSUKH),
                condenser, (context, sink) -> {
                    if (context.question().contains("explode")) {
                        throw new IllegalStateException("scripted failure");
                    }
                    return new Draft("Putin will visit Mongolia on September 3 [1]. "
                            + "He was invited by Khürelsükh, see <!channel> <@U0EVIL> <https://evil.example|bbc.co.uk> [2]. "
                            + "This is turn " + (context.history().size() + 1) + " [1].", null);
                }, store, verifier, new AnswerService.Settings(6, 0.5), Clock.systemUTC());
    }
}

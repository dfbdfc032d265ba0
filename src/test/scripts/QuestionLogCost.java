import dev.byline.insights.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;

/** The question log's own cost per answered question: LoggedQuestion built as RecordedAnswers builds it, then record(). */
public class QuestionLogCost {
    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("logcost");
        FileQuestionLog log = new FileQuestionLog(dir, Duration.ofDays(30), Clock.systemUTC(), LineAppender.FILE);
        List<LoggedQuestion.Cited> cited = List.of(
            new LoggedQuestion.Cited(1, "business/234", "Vodafone appoints new Japan boss", null, "x".repeat(300)),
            new LoggedQuestion.Cited(2, "business/235", "Another title", null, "y".repeat(300)));
        int n = Integer.parseInt(a[0]);
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                log.record(new LoggedQuestion(UUID.randomUUID().toString(), Instant.now().toString(), "api",
                    "Who is Vodafone sending to run its Japanese business?", "Who is Vodafone sending to run its Japanese business?",
                    true, "grounded", "Vodafone has drafted in its UK chief executive William Morrow to take charge of its troubled Japanese operation [1].",
                    cited, 40, "extractive", null));
            }
            long ns = System.nanoTime() - t;
            System.out.printf("round %d: %d questions recorded, %.1f µs each, file %d KB%n", round + 1, n, ns / 1000.0 / n,
                Files.size(dir.resolve(LocalDate.now(ZoneOffset.UTC) + ".jsonl")) / 1024);
        }
    }
}

package dev.byline.answer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects deltas as a reader's stream would; optionally "leaves" after a number of them. */
final class RecordingSink implements TextSink {

    private final List<String> deltas = new CopyOnWriteArrayList<>();
    private final int leaveAfter;

    RecordingSink() {
        this(Integer.MAX_VALUE);
    }

    private RecordingSink(int leaveAfter) {
        this.leaveAfter = leaveAfter;
    }

    static RecordingSink leavingAfter(int deltas) {
        return new RecordingSink(deltas);
    }

    @Override
    public void accept(String delta) {
        deltas.add(delta);
    }

    @Override
    public boolean cancelled() {
        return deltas.size() >= leaveAfter;
    }

    List<String> deltas() {
        return List.copyOf(deltas);
    }

    String text() {
        return String.join("", deltas);
    }
}

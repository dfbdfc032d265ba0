package dev.byline.cli;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code eval}: retrieval evaluation on a corpus and a question file. */
@ApplicationScoped
public class EvalCommand {

    int run(String... args) {
        System.err.println("eval: not wired yet");
        return 2;
    }
}

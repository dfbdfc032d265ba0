package dev.byline.tools.eval;

import dev.byline.answer.SupportCheck;
import dev.byline.index.BgeEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code claims}: the citation support check measured on hand-written true and falsified claims ({@link ClaimSupportEvaluation}). */
@Command(name = "claims", description = {"Measure the citation support check on hand-written true and falsified claims.",
        "Falsified claims accepted and true ones rejected, per split and kind of change, beside the old marker-only rule."})
public final class ClaimsCommand extends EvalTool {

    @Option(names = "--claims", paramLabel = "<claims.jsonl>",
            description = "The claims (default: the bundled ones, src/tools/resources/eval/claims.jsonl).")
    Path claims;

    @Override
    int run(PrintWriter out) {
        SupportCheck check = new SupportCheck(new BgeEmbedder());
        if (claims == null) {
            ClaimSupportEvaluation.run(ClaimSupportEvaluation.bundled(), ClaimSupportEvaluation.BUNDLED, check, out);
        } else {
            ClaimSupportEvaluation.run(ClaimSupportEvaluation.read(claims), claims.toString(), check, out);
        }
        return 0;
    }
}

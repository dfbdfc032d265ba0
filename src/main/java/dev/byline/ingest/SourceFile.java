package dev.byline.ingest;

import java.nio.file.Path;

/**
 * A file a folder ingest will parse.
 *
 * @param id article id derived from the path relative to the scanned root
 */
public record SourceFile(Path path, String id) {
}

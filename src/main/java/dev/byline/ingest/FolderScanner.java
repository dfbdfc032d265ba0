package dev.byline.ingest;

import dev.byline.ingest.parse.ArticleParsers;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the article files under a folder, in a deterministic order, with the article id each
 * one gets.
 * <p>
 * Skipped: hidden files and folders (name starting with {@code .}), symbolic links (never
 * followed, so no loops and no escaping the folder), files without a parser, and files matching
 * an exclude glob. Globs are case-insensitive; one without {@code /} matches the file name, one
 * with {@code /} matches the path relative to the root ({@code **} crosses folders).
 * <p>
 * Ids are the relative path without its extension, {@code /}-separated, with characters outside
 * {@code [A-Za-z0-9._/:-]} replaced by {@code -}, at most {@value #MAX_ID_LENGTH} characters.
 * When two files would get the same id ({@code a.txt} and {@code a.md}), the later one in path
 * order gets a {@code -2}, {@code -3}... suffix.
 */
public final class FolderScanner {

    /**
     * Project files that sit beside articles. "LICENSE*" is narrowed so that a story named
     * {@code licensed-music.txt} is still ingested.
     */
    public static final List<String> DEFAULT_EXCLUDES =
            List.of("README*", "*README*", "LICENSE", "LICENSE.*", "LICENSE-*", "CHANGELOG*");
    public static final int MAX_ID_LENGTH = 200;

    private static final Logger LOG = Logger.getLogger(FolderScanner.class);

    private final ArticleParsers parsers;
    private final List<Pattern> nameExcludes = new ArrayList<>();
    private final List<Pattern> pathExcludes = new ArrayList<>();

    public FolderScanner(ArticleParsers parsers) {
        this(parsers, List.of());
    }

    /** @param extraExcludes globs excluded in addition to {@link #DEFAULT_EXCLUDES} */
    public FolderScanner(ArticleParsers parsers, List<String> extraExcludes) {
        this.parsers = parsers;
        List<String> globs = new ArrayList<>(DEFAULT_EXCLUDES);
        globs.addAll(extraExcludes);
        for (String glob : globs) {
            (glob.contains("/") ? pathExcludes : nameExcludes).add(globToRegex(glob));
        }
    }

    /**
     * @param root a folder, or a single supported file (its id is then its name without extension;
     *             excludes do not apply to a file named explicitly). Links in {@code root} itself are
     *             resolved, so the returned paths are real, absolute paths.
     * @throws IllegalArgumentException when {@code root} does not exist or is an unsupported file
     */
    public List<SourceFile> scan(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new IllegalArgumentException("Cannot ingest " + root + ": no such file or folder");
        }
        Path start = root.toRealPath();
        if (!Files.isDirectory(start)) {
            return List.of(singleFile(start));
        }
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(start) || !isHidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isWanted(start.relativize(file))) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // One unreadable folder should not stop the rest of the ingest.
                LOG.warnf("Skipping %s: %s", file, e.toString());
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(file -> slashPath(start.relativize(file))));
        return withIds(start, found);
    }

    /** The id for a path relative to the scanned root (or a bare file name). */
    public static String idOf(Path relative) {
        String path = slashPath(relative);
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/') + 1) {
            path = path.substring(0, dot);
        }
        StringBuilder id = new StringBuilder(path.length());
        // By code point, so one emoji becomes one "-", not two.
        path.codePoints().forEach(cp -> id.append(isIdChar(cp) ? (char) cp : '-'));
        return id.length() <= MAX_ID_LENGTH ? id.toString() : id.substring(0, MAX_ID_LENGTH);
    }

    private SourceFile singleFile(Path file) throws IOException {
        if (parsers.forFile(file).isEmpty()) {
            throw new IllegalArgumentException("Cannot ingest " + file + ": not a folder and not a supported file type "
                    + parsers.extensions());
        }
        return new SourceFile(file, idOf(file.getFileName()));
    }

    private boolean isWanted(Path relative) {
        if (isHidden(relative) || parsers.forFile(relative).isEmpty()) {
            return false;
        }
        String name = relative.getFileName().toString();
        String path = slashPath(relative);
        return nameExcludes.stream().noneMatch(p -> p.matcher(name).matches())
                && pathExcludes.stream().noneMatch(p -> p.matcher(path).matches());
    }

    private static List<SourceFile> withIds(Path root, List<Path> files) throws IOException {
        Set<String> used = new HashSet<>();
        List<SourceFile> sources = new ArrayList<>(files.size());
        for (Path file : files) {
            String base = idOf(root.relativize(file));
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                String suffix = "-" + n;
                id = base.substring(0, Math.min(base.length(), MAX_ID_LENGTH - suffix.length())) + suffix;
            }
            sources.add(new SourceFile(file, id));
        }
        return sources;
    }


    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String slashPath(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static boolean isIdChar(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || "._/:-".indexOf(cp) >= 0;
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}

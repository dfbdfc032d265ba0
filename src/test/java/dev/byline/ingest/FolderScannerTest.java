package dev.byline.ingest;

import dev.byline.ingest.parse.ArticleParsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

class FolderScannerTest {

    private final FolderScanner scanner = new FolderScanner(ArticleParsers.defaults());

    @TempDir
    Path root;

    @Test
    void should_list_the_bbc_fixture_with_corpus_ids__skipping_its_readme() throws Exception {
        Path bbc = Path.of(getClass().getResource("/fixtures/bbc").toURI());

        List<SourceFile> files = scanner.scan(bbc);

        assertThat(files).extracting(SourceFile::id).containsExactly("business/001", "sport/001", "tech/001");
        assertThat(files.get(0).path()).hasFileName("001.txt").isAbsolute();
    }

    @Test
    void should_walk_nested_folders_in_sorted_order__with_slash_ids_without_extension() throws IOException {
        touch("b/2.txt", "a/z/deep.md", "a/1.html", "top.jsonl", "a/0.json");

        List<SourceFile> files = scanner.scan(root);

        assertThat(files).extracting(SourceFile::id).containsExactly("a/0", "a/1", "a/z/deep", "b/2", "top");
    }

    @Test
    void should_skip_hidden_files_and_folders__and_unsupported_types() throws IOException {
        touch(".hidden.txt", ".git/config.json", "ok/.DS_Store", "ok/visible.txt", "ok/photo.jpg", "ok/notes");

        assertThat(scanner.scan(root)).extracting(SourceFile::id).containsExactly("ok/visible");
    }

    @Test
    void should_exclude_readme_license_and_changelog_by_name__ignoring_case() throws IOException {
        touch("README.md", "docs/readme.txt", "docs/Project-README.md", "LICENSE.txt", "license.md",
                "LICENSE-APACHE.txt", "CHANGELOG.md", "changelog.json", "news/licensed-music.txt", "news/story.md");

        assertThat(scanner.scan(root)).extracting(SourceFile::id)
                .containsExactly("news/licensed-music", "news/story");
    }

    @Test
    void should_apply_extra_exclude_globs__by_name_or_relative_path() throws IOException {
        touch("drafts/a.txt", "drafts/deep/b.txt", "news/a.txt", "news/c.tmp.txt", "news/keep.md");
        FolderScanner excluding = new FolderScanner(ArticleParsers.defaults(), List.of("*.TMP.*", "drafts/**"));

        assertThat(excluding.scan(root)).extracting(SourceFile::id).containsExactly("news/a", "news/keep");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            business/001.txt,            business/001
            My Story (final).md,         My-Story--final-
            café/naïve.txt,              caf-/na-ve
            emoji/😀.txt,                 emoji/-
            v1.2/notes.v3.md,            v1.2/notes.v3
            a:b/c_d-e.json,              a:b/c_d-e
            semi;colon&amp.html,        semi-colon-amp
            """)
    void should_derive_safe_ids_from_odd_names(String relative, String id) {
        assertThat(FolderScanner.idOf(Path.of(relative))).isEqualTo(id);
    }

    @Test
    void should_truncate_long_ids_to_200_characters() {
        String longName = "x".repeat(150) + "/" + "y".repeat(150) + ".txt";

        assertThat(FolderScanner.idOf(Path.of(longName))).hasSize(200).startsWith("x".repeat(150) + "/y");
    }

    @Test
    void should_keep_ids_unique__when_names_collide_after_cleaning() throws IOException {
        touch("a.md", "a.txt", "a b.txt", "a-b.txt");

        assertThat(scanner.scan(root)).extracting(SourceFile::id, s -> s.path().getFileName().toString())
                .containsExactly(
                        tuple("a-b", "a b.txt"),
                        tuple("a-b-2", "a-b.txt"),
                        tuple("a", "a.md"),
                        tuple("a-2", "a.txt"));
    }

    @Test
    void should_not_follow_symbolic_links__so_loops_and_escapes_are_impossible() throws IOException {
        touch("real/story.txt");
        Path outside = Files.createTempDirectory("byline-outside");
        Files.writeString(outside.resolve("secret.txt"), "x");
        try {
            Files.createSymbolicLink(root.resolve("real/loop"), root);
            Files.createSymbolicLink(root.resolve("escape"), outside);
            Files.createSymbolicLink(root.resolve("linked.txt"), root.resolve("real/story.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links unsupported here").isTrue();
        }
        try {
            assertThat(scanner.scan(root)).extracting(SourceFile::id).containsExactly("real/story");
        } finally {
            Files.delete(outside.resolve("secret.txt"));
            Files.delete(outside);
        }
    }

    @Test
    void should_accept_a_single_supported_file_as_root__with_its_name_as_id() throws IOException {
        Path file = touch("sub/README.md");

        assertThat(scanner.scan(file)).singleElement().satisfies(source -> {
            assertThat(source.id()).isEqualTo("README");
            assertThat(source.path()).isEqualTo(file.toRealPath());
        });
    }

    @Test
    void should_reject_a_missing_root_or_an_unsupported_single_file__clearly() throws IOException {
        Path missing = root.resolve("nope");
        Path image = touch("photo.jpg");

        assertThatThrownBy(() -> scanner.scan(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file or folder");
        assertThatThrownBy(() -> scanner.scan(image))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("photo.jpg")
                .hasMessageContaining("not a folder")
                .hasMessageContaining("txt");
    }

    @Test
    void should_return_nothing_for_an_empty_folder() throws IOException {
        assertThat(scanner.scan(root)).isEmpty();
    }

    private Path touch(String... relatives) throws IOException {
        Path last = null;
        for (String relative : relatives) {
            last = root.resolve(relative);
            Files.createDirectories(last.getParent());
            Files.writeString(last, "Title\n\nBody of " + relative);
        }
        return last;
    }
}

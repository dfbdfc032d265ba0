package dev.byline.tools.scale;

import org.apache.lucene.codecs.CompoundDirectory;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an index's bytes are, by Lucene file extension: {@code vec} (float vectors), {@code veq}
 * (quantized vectors), {@code vex}/{@code vem} (HNSW graph and its metadata), {@code fdt} (stored
 * fields), {@code tim}/{@code doc}/{@code pos} (terms and postings) and so on. Small segments pack
 * their files into one compound file; those are opened and counted by the files inside, so the
 * split is the same whatever the segment sizes. Read only, with the index closed.
 */
final class IndexFiles {

    private IndexFiles() {
    }

    /** @return bytes per extension ({@code segments} for the commit point), sorted by extension */
    static Map<String, Long> bytesByExtension(Path indexDir) throws IOException {
        Map<String, Long> bytes = new TreeMap<>();
        try (Directory dir = FSDirectory.open(indexDir)) {
            SegmentInfos commit = SegmentInfos.readLatestCommit(dir);
            add(bytes, commit.getSegmentsFileName(), dir.fileLength(commit.getSegmentsFileName()));
            for (SegmentCommitInfo segment : commit) {
                for (String file : segment.files()) {
                    if (segment.info.getUseCompoundFile() && file.endsWith(".cfs")) {
                        try (CompoundDirectory cfs = segment.info.getCodec().compoundFormat()
                                .getCompoundReader(dir, segment.info, IOContext.READONCE)) {
                            for (String inner : cfs.listAll()) {
                                add(bytes, inner, cfs.fileLength(inner));
                            }
                        }
                    } else if (!file.endsWith(".cfe")) {
                        add(bytes, file, dir.fileLength(file));
                    }
                }
            }
        }
        return bytes;
    }

    /** @return the size of every file in the folder, whatever Lucene thinks of it */
    static long totalBytes(Path indexDir) throws IOException {
        long total = 0;
        try (var files = Files.list(indexDir)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    total += Files.size(file);
                }
            }
        }
        return total;
    }

    private static void add(Map<String, Long> bytes, String file, long length) {
        bytes.merge(extension(file), length, Long::sum);
    }

    static String extension(String file) {
        if (file.startsWith("segments")) {
            return "segments";
        }
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(dot + 1);
    }
}

package io.zpadoctor.client.bundle.internal;

import io.zpadoctor.client.bundle.BundleException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle unpacked in a folder (or inside a jar, through its file system). Symbolic links are followed
 * only when they resolve inside the bundle.
 */
public final class DirectoryFiles implements BundleFiles {
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public DirectoryFiles(Path dir) throws BundleException {
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            throw new BundleException(dir.toString(), "cannot open the folder: " + e.getMessage());
        }
        List<String> found = new ArrayList<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String rel = PathRules.clean(root.relativize(file).toString());
                    if (PathRules.junk(rel)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        Path target;
                        try {
                            target = file.toRealPath();
                        } catch (IOException e) {
                            warnings.add(rel + ": skipped, a symbolic link whose target does not exist");
                            return FileVisitResult.CONTINUE;
                        }
                        if (!target.startsWith(root) || !Files.isRegularFile(target)) {
                            warnings.add(rel + ": skipped, a symbolic link that points outside the bundle");
                            return FileVisitResult.CONTINUE;
                        }
                        byName.put(rel, target);
                    } else if (attrs.isRegularFile()) {
                        byName.put(rel, file);
                    }
                    found.add(rel);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    warnings.add(root.relativize(file) + ": skipped, cannot be read (" + e.getMessage() + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BundleException(dir.toString(), "cannot list the folder: " + e.getMessage());
        }
        String prefix = PathRules.commonRoot(found);
        Collections.sort(found);
        for (String rel : found) {
            Path p = byName.get(rel);
            if (p != null) {
                files.put(rel.substring(prefix.length()), p);
            }
        }
    }

    @Override
    public List<String> list() {
        List<String> l = new ArrayList<>(files.keySet());
        Collections.sort(l);
        return l;
    }

    @Override
    public byte[] read(String path) throws BundleException {
        Path p = files.get(path);
        if (p == null) {
            return null;
        }
        try {
            if (Files.size(p) > MAX_FILE_BYTES) {
                throw new BundleException(path, "the file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p)) {
                return null;
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new BundleException(path, "cannot be read: " + e.getMessage());
        }
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}

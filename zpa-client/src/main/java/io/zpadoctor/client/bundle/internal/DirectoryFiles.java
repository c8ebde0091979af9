package io.zpadoctor.client.bundle.internal;

import io.zpadoctor.client.bundle.BundleException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bundle unpacked in a folder (or inside a jar, through its file system). Symbolic links are followed
 * only when they resolve inside the bundle. Reads are bounded by {@link Limits}, like an archive's.
 */
public final class DirectoryFiles implements BundleFiles {
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Limits limits;

    public DirectoryFiles(Path dir) throws BundleException {
        this(dir, Limits.forThisJvm());
    }

    public DirectoryFiles(Path dir, Limits limits) throws BundleException {
        this.limits = limits;
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            throw new BundleException(dir.toString(), "cannot open the folder: " + reason(e));
        }
        List<String> found = new ArrayList<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        Set<String> hosts = new HashSet<>();
        int[] entries = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    count(entries, dir);
                    String rel = PathRules.clean(root.relativize(d).toString());
                    String[] parts = PathRules.withoutRoot(rel).split("/");
                    if (parts.length == 2 && parts[0].equals("hosts") && hosts.add(parts[1])
                            && hosts.size() > limits.hosts()) {
                        throw new TooMany(dir + ": holds more than " + limits.hosts() + " host folders: refused");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    count(entries, dir);
                    String rel = PathRules.clean(root.relativize(file).toString());
                    if (PathRules.junk(rel)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        Path target;
                        try {
                            target = file.toRealPath();
                        } catch (FileSystemException e) {
                            warnings.add(rel + ": skipped, a symbolic link " + (e instanceof NoSuchFileException
                                    ? "whose target does not exist" : "that cannot be followed (" + reason(e) + ")"));
                            return FileVisitResult.CONTINUE;
                        } catch (IOException e) {
                            warnings.add(rel + ": skipped, a symbolic link that cannot be followed (" + reason(e) + ")");
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
                    warnings.add(root.relativize(file) + ": skipped, cannot be read (" + reason(e) + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (TooMany e) {
            throw new BundleException(dir.toString(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        } catch (IOException e) {
            throw new BundleException(dir.toString(), "cannot list the folder: " + reason(e));
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

    /** Stops the walk when a folder holds more than any bundle would. */
    private static final class TooMany extends IOException {
        TooMany(String message) {
            super(message);
        }
    }

    private void count(int[] entries, Path dir) throws TooMany {
        if (++entries[0] > limits.entries()) {
            throw new TooMany(dir + ": holds more than " + limits.entries() + " files and folders, more than any"
                    + " support bundle: refused");
        }
    }

    /** Why a file could not be read, in words (an access error's message is only the path). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: the user running zpa-doctor may not read it";
        }
        if (e instanceof NoSuchFileException) {
            return "it no longer exists";
        }
        if (e instanceof FileSystemLoopException) {
            return "its symbolic links form a loop";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT).contains("too many levels of symbolic links")
                    ? "its symbolic links form a loop" : f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
            long size = Files.size(p);
            if (size > limits.apiBytes()) {
                throw new BundleException(path, "is " + Limits.size(size) + ", more than this run reads ("
                        + Limits.size(limits.apiBytes()) + " with a maximum heap of "
                        + Limits.size(Runtime.getRuntime().maxMemory()) + "); give it more memory with"
                        + " ZPA_DOCTOR_JAVA_OPTS=-Xmx4g");
            }
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p)) {
                return null;
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new BundleException(path, "cannot be read: " + reason(e));
        }
    }

    @Override
    public java.io.InputStream open(String path) throws BundleException {
        Path p = files.get(path);
        if (p == null) {
            return null;
        }
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new BundleException(path, "cannot be read: " + reason(e));
        }
    }

    @Override
    public HostBytes readHost(String path) throws BundleException {
        Path p = files.get(path);
        if (p == null) {
            return null;
        }
        try (SeekableByteChannel ch = Files.newByteChannel(p)) {
            long size = ch.size();
            if (size <= limits.probeBytes()) {
                try (InputStream in = Channels.newInputStream(ch)) {
                    Bounded.Read r = Bounded.head(in, limits.probeBytes());
                    return new HostBytes(r.bytes(), r.size(), false);
                }
            }
            if (!BundleFiles.keepsTail(path)) {
                return new HostBytes(new byte[0], size, false);
            }
            ch.position(size - limits.probeBytes());
            try (InputStream in = Channels.newInputStream(ch)) {
                Bounded.Read r = Bounded.tail(in, limits.probeBytes());
                byte[] b = r.bytes();
                int start = 0;
                while (start < b.length && b[start] != '\n') {
                    start++;
                }
                return new HostBytes(java.util.Arrays.copyOfRange(b, Math.min(b.length, start + 1), b.length), size, true);
            }
        } catch (IOException e) {
            throw new BundleException(path, "cannot be read: " + reason(e));
        }
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}

package io.zpadoctor.client.bundle.internal;

import java.util.List;
import java.util.Locale;

/** Which archive entry names are safe and which are junk. */
final class PathRules {
    private PathRules() {
    }

    /** Null when the entry name is safe, else why it is refused. */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "an empty entry name";
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("[A-Za-z]:.*")) {
            return "an absolute path";
        }
        if (name.indexOf('\0') >= 0) {
            return "a NUL character in its name";
        }
        for (String part : name.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                return "a '..' path segment that leads outside the bundle";
            }
        }
        return null;
    }

    /** Normalises separators and drops "./" segments. */
    static String clean(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n.replaceAll("/\\./", "/").replaceAll("/{2,}", "/");
    }

    /** The path from a {@code hosts/} segment on (an archive may hold the bundle inside a top folder). */
    static String withoutRoot(String rel) {
        if (rel.startsWith("hosts/")) {
            return rel;
        }
        int i = rel.indexOf("/hosts/");
        return i >= 0 ? rel.substring(i + 1) : rel;
    }

    /** Files operating systems add to archives and folders, never part of a bundle. */
    static boolean junk(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String base = lower.substring(lower.lastIndexOf('/') + 1);
        return lower.startsWith("__macosx/") || lower.contains("/__macosx/") || base.startsWith("._")
                || base.equals(".ds_store") || base.equals("thumbs.db") || base.equals("desktop.ini");
    }

    /**
     * When every path sits under one top folder and no bundle marker is at the root, the bundle was packed with
     * its folder ({@code tar czf b.tgz bundle/}): that folder is the bundle.
     */
    static String commonRoot(List<String> paths) {
        if (paths.isEmpty()) {
            return "";
        }
        for (String p : paths) {
            if (p.equals("case.json") || p.startsWith("api/") || p.startsWith("hosts/") || p.startsWith("lss/")) {
                return "";
            }
        }
        String first = paths.get(0);
        int slash = first.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String root = first.substring(0, slash + 1);
        for (String p : paths) {
            if (!p.startsWith(root)) {
                return "";
            }
        }
        return root + commonRoot(paths.stream().map(p -> p.substring(root.length())).toList());
    }
}

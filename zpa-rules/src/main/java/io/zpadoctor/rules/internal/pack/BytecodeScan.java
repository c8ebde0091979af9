package io.zpadoctor.rules.internal.pack;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What compiled rules can reach beyond facts and findings, read from the constant pools of the classes the rule
 * compiler generated: every class and method a class file calls is named there, however the source spelled it
 * (a unicode escape, a fully qualified name, a static import). Reflection shows up as the reflective calls
 * themselves, so a name assembled at run time cannot hide that something is being looked up.
 */
public final class BytecodeScan {
    private record Reach(String owner, String member, String what) {
        boolean matches(String o, String m) {
            return (owner.endsWith("*") ? o.startsWith(owner.substring(0, owner.length() - 1)) : o.equals(owner))
                    && (member == null || member.equals(m));
        }
    }

    /** Calls (owner class in internal form, method or null for any), each with what it lets a pack do. */
    private static final List<Reach> REACHES = List.of(
            new Reach("java/lang/System", "exit", "end the process"),
            new Reach("java/lang/Runtime", "exit", "end the process"),
            new Reach("java/lang/Runtime", "halt", "end the process"),
            new Reach("java/lang/Runtime", "exec", "start processes"),
            new Reach("java/lang/ProcessBuilder", null, "start processes"),
            new Reach("java/lang/ProcessHandle", null, "control processes"),
            new Reach("java/io/File*", null, "touch files"),
            new Reach("java/io/RandomAccessFile", null, "touch files"),
            new Reach("java/nio/file/*", null, "touch files"),
            new Reach("java/nio/channels/FileChannel", null, "touch files"),
            new Reach("java/net/*", null, "use the network"),
            new Reach("javax/net/*", null, "use the network"),
            new Reach("java/lang/Class", "forName", "use reflection"),
            new Reach("java/lang/Class", "getMethod", "use reflection"),
            new Reach("java/lang/Class", "getDeclaredMethod", "use reflection"),
            new Reach("java/lang/Class", "getDeclaredField", "use reflection"),
            new Reach("java/lang/Class", "getConstructor", "use reflection"),
            new Reach("java/lang/Class", "newInstance", "use reflection"),
            new Reach("java/lang/reflect/*", null, "use reflection"),
            new Reach("java/lang/ClassLoader", null, "load code"),
            new Reach("java/lang/invoke/MethodHandles$Lookup", "findStatic", "use reflection"),
            new Reach("java/lang/invoke/MethodHandles$Lookup", "findVirtual", "use reflection"),
            new Reach("java/lang/System", "getenv", "read the environment, where API credentials live"),
            new Reach("java/lang/System", "setProperty", "change the JVM's settings"),
            new Reach("java/lang/System", "setOut", "change the JVM's settings"),
            new Reach("java/lang/System", "setErr", "change the JVM's settings"),
            new Reach("java/lang/System", "setSecurityManager", "change the JVM's settings"),
            new Reach("java/lang/Thread", "<init>", "start threads"),
            new Reach("sun/misc/Unsafe", null, "use sun.misc.Unsafe"),
            new Reach("jdk/internal/*", null, "use JDK internals"));

    private BytecodeScan() {
    }

    /** "call java.lang.System.exit (ends the process)" for each reach found in the classes, sorted, each once. */
    public static List<String> reaches(List<byte[]> classes) {
        Set<String> out = new TreeSet<>();
        for (byte[] c : classes) {
            for (String[] ref : references(c)) {
                for (Reach r : REACHES) {
                    if (r.matches(ref[0], ref[1])) {
                        out.add("call " + ref[0].replace('/', '.') + (ref[1] == null || ref[1].equals("<init>") ? ""
                                : "." + ref[1]) + " (" + r.what + ")");
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Every class named, and every method or field referenced (owner, name), in one class file's constant pool. */
    static List<String[]> references(byte[] classFile) {
        List<String[]> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                return out;
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            int[][] memberRef = new int[count][];
            int[][] nameAndType = new int[count][];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;   // takes two slots
                    }
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 17, 18 -> in.readInt();
                    default -> {
                        return out;   // a constant this reader does not know: stop rather than misread
                    }
                }
            }
            for (int i = 1; i < count; i++) {
                if (classNameIndex[i] != 0 && utf8[classNameIndex[i]] != null) {
                    out.add(new String[] {strip(utf8[classNameIndex[i]]), null});
                }
                if (memberRef[i] != null) {
                    int cls = memberRef[i][0];
                    int[] nt = nameAndType[memberRef[i][1]];
                    if (classNameIndex[cls] != 0 && nt != null) {
                        out.add(new String[] {strip(utf8[classNameIndex[cls]]), utf8[nt[0]]});
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a truncated class file: what was read stands
        }
        return out;
    }

    /** An array class's element type: {@code [Ljava/io/File;} is about java/io/File. */
    private static String strip(String name) {
        String n = name;
        while (n.startsWith("[")) {
            n = n.substring(1);
        }
        return n.startsWith("L") && n.endsWith(";") ? n.substring(1, n.length() - 1) : n;
    }
}

package io.zpadoctor.client.host.internal;

/** File modes as {@code ls -l} ({@code -rw-r--r--.}) and {@code stat -c %a} ({@code 644}) print them. */
public final class Permissions {
    private Permissions() {
    }

    /** The octal mode of an {@code ls -l} permission string, e.g. {@code -rw-r--r--.} gives {@code 644}. */
    public static String octal(String symbolic) {
        if (symbolic == null || symbolic.length() < 10) {
            return null;
        }
        int mode = 0;
        String bits = symbolic.substring(1, 10);
        for (int i = 0; i < 9; i++) {
            char c = bits.charAt(i);
            boolean set = c != '-' && c != 'S' && c != 'T';
            if (set) {
                mode |= 1 << (8 - i);
            }
        }
        return Integer.toOctalString(mode);
    }

    /**
     * Whether {@code user} can read a file with this octal mode, owner and group; null when the mode is unknown.
     * Group membership beyond the primary group is not visible here: a group named after the user counts.
     */
    public static Boolean readableBy(String user, String octalMode, String owner, String group) {
        if (octalMode == null || !octalMode.matches("[0-7]{3,4}")) {
            return null;
        }
        String m = octalMode.substring(octalMode.length() - 3);
        int u = m.charAt(0) - '0';
        int g = m.charAt(1) - '0';
        int o = m.charAt(2) - '0';
        if (user.equals(owner)) {
            return (u & 4) != 0;
        }
        if (user.equals(group)) {
            return (g & 4) != 0 || (o & 4) != 0;
        }
        return (o & 4) != 0;
    }
}

package io.zpadoctor.model.host;

import io.zpadoctor.model.internal.Require;

/**
 * The provisioning key file {@code /opt/zscaler/var/provision_key} ({@code provision-key.txt}): its
 * permissions and the shape of its content, never the key itself. The file holds
 * {@code <n>|<enrollment API host>|<secret>}; only the public prefix {@code <n>|<host>|} is kept.
 *
 * <p>The collector writes {@code stat -c '%a %U %G %s'} and then one shape line:
 * <pre>shape: length=87 prefix=3|api.private.zscaler.com| quotes=none whitespace=none lines=1</pre>
 * ({@code quotes}: none, ascii or smart; {@code whitespace}: none, leading, trailing or both; {@code prefix=none}
 * when the content does not start with {@code <n>|<host>|}). See {@code ProvisionKeyParser} in zpa-client.
 *
 * @param line the line the permissions (or the absence) were read from
 * @param exists false when {@code stat}/{@code ls} said "No such file or directory"
 * @param mode the octal permissions, e.g. {@code 644}, or null when not shown
 * @param owner the owning user, or null
 * @param group the owning group, or null
 * @param sizeBytes the file size in bytes, or null
 * @param readableByZscaler whether user {@code zscaler} can read it, from mode, owner and group; null without a mode
 * @param length the content's length in characters as the shape line gives it, or null without a shape line
 * @param empty the file is empty (size 0 or length 0), or null when not shown
 * @param keyPrefix the public prefix {@code <n>|<host>|}, e.g. {@code 3|api.private.zscaler.com|}, or null
 * @param hasPrefix whether the content starts with such a prefix; null without a shape line
 * @param quotes the quotes around the key
 * @param leadingWhitespace spaces, tabs or newlines before the key; null when not shown
 * @param trailingWhitespace spaces or tabs after the key (the single final newline does not count); null when not shown
 * @param lines the number of lines of content, or null
 * @param shapeSource how the shape was learned: {@code collector} (the shape line) or {@code pasted key} (someone
 *        pasted the key itself; its shape was measured and the key discarded), or null without a shape
 */
public record KeyFileShape(String host, String source, Integer line, boolean exists, String mode, String owner,
                           String group, Long sizeBytes, Boolean readableByZscaler, Integer length, Boolean empty,
                           String keyPrefix, Boolean hasPrefix, QuoteStyle quotes, Boolean leadingWhitespace,
                           Boolean trailingWhitespace, Integer lines, String shapeSource) implements HostObservation {
    public KeyFileShape {
        Checks.origin(host, source, line);
        mode = Require.blankToNull(mode);
        owner = Require.blankToNull(owner);
        group = Require.blankToNull(group);
        Checks.nonNegative(sizeBytes, "sizeBytes");
        Checks.nonNegative(length, "length");
        keyPrefix = Require.blankToNull(keyPrefix);
        if (keyPrefix != null && !keyPrefix.matches("\\d+\\|[^|\\s]+\\|")) {
            // the record must never carry more than the public prefix
            throw new IllegalArgumentException("keyPrefix must be <n>|<host>|, got something else");
        }
        quotes = quotes == null ? QuoteStyle.UNKNOWN : quotes;
        Checks.nonNegative(lines, "lines");
        shapeSource = Require.blankToNull(shapeSource);
    }

    /** The content is known to be unusable: empty, smart quotes, stray whitespace, or no key prefix. */
    public boolean malformed() {
        return Boolean.TRUE.equals(empty) || quotes == QuoteStyle.SMART || Boolean.TRUE.equals(leadingWhitespace)
                || Boolean.TRUE.equals(trailingWhitespace) || Boolean.FALSE.equals(hasPrefix);
    }

    /** The enrollment API host named in the prefix, e.g. {@code api.private.zscaler.com}, or null. */
    public String keyHost() {
        if (keyPrefix == null) {
            return null;
        }
        String[] parts = keyPrefix.split("\\|");
        return parts.length > 1 ? parts[1] : null;
    }
}

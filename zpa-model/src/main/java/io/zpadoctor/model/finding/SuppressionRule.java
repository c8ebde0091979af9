package io.zpadoctor.model.finding;

import io.zpadoctor.model.internal.Require;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A declared suppression: findings with this code (and, when given, about this subject) are accepted.
 *
 * @param code a finding code, or a prefix ending in {@code *} such as {@code ZPA-FLT-*}
 * @param subject the subject's id or name ({@code *} wildcards allowed), or null for every subject
 * @param reason why it is accepted; mandatory, shown in every report
 * @param expires the last day it applies, or null
 * @param origin where it was declared, e.g. {@code zpa-doctor.yaml:14}
 */
public record SuppressionRule(String code, String subject, String reason, LocalDate expires, String origin) {

    public SuppressionRule {
        Require.nonBlank(code, "suppression code");
        Require.nonBlank(reason, "suppression reason (say why the finding is accepted)");
        subject = Require.blankToNull(subject);
    }

    public boolean matches(Finding f) {
        if (!glob(code).matcher(f.code()).matches()) {
            return false;
        }
        if (subject == null) {
            return true;
        }
        Pattern s = glob(subject);
        return f.subject().id() != null && s.matcher(f.subject().id()).matches()
                || f.subject().name() != null && s.matcher(f.subject().name()).matches();
    }

    /** Whether it no longer applies on that day. */
    public boolean expiredOn(LocalDate day) {
        return expires != null && day.isAfter(expires);
    }

    public Suppression toSuppression() {
        return new Suppression(reason, expires, origin);
    }

    private static Pattern glob(String text) {
        String[] parts = text.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }
}

package io.zpadoctor.examples.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.Map;

/** When output gets ANSI colours: {@code --color}, then NO_COLOR (no-color.org) and TERM=dumb, then a terminal. */
final class Colors {
    /** The values of {@code --color}. */
    enum When {
        AUTO, ALWAYS, NEVER;

        static When parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--color must be auto, always or never, not '" + s + "'");
            }
        }
    }

    private Colors() {
    }

    /**
     * Whether to colour: an explicit always or never wins (no-color.org lets a flag override the variable); auto
     * colours a terminal unless NO_COLOR is set to anything but the empty string, or TERM is dumb.
     */
    static boolean enabled(When when, boolean terminal, Map<String, String> env) {
        if (when == When.ALWAYS || when == When.NEVER) {
            return when == When.ALWAYS;
        }
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        return terminal && !"dumb".equals(env.get("TERM"));
    }

    /** The help's colours, by the same rule (help has no --color of its own). */
    static CommandLine.Help.Ansi helpAnsi() {
        return enabled(When.AUTO, System.console() != null, ApiOptions.env()) ? CommandLine.Help.Ansi.ON
                : CommandLine.Help.Ansi.OFF;
    }

    static final class WhenConverter implements CommandLine.ITypeConverter<When> {
        @Override
        public When convert(String value) {
            try {
                return When.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class WhenCandidates extends java.util.ArrayList<String> {
        WhenCandidates() {
            super(java.util.List.of("auto", "always", "never"));
        }
    }
}

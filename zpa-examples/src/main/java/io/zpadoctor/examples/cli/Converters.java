package io.zpadoctor.examples.cli;

import io.zpadoctor.model.ApplicationTarget;
import io.zpadoctor.model.Symptom;
import io.zpadoctor.report.Format;
import picocli.CommandLine;

/** Option converters whose errors say what was expected. */
final class Converters {
    private Converters() {
    }

    static final class SymptomConverter implements CommandLine.ITypeConverter<Symptom> {
        @Override
        public Symptom convert(String value) {
            try {
                return Symptom.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FailOnConverter implements CommandLine.ITypeConverter<ExitCodes.FailOn> {
        @Override
        public ExitCodes.FailOn convert(String value) {
            try {
                return ExitCodes.FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ApplicationConverter implements CommandLine.ITypeConverter<ApplicationTarget> {
        @Override
        public ApplicationTarget convert(String value) {
            try {
                return ApplicationTarget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** What completion offers for --format: the formats as typed, in lower case. */
    static final class FormatCandidates extends java.util.ArrayList<String> {
        FormatCandidates() {
            for (Format f : Format.values()) {
                add(f.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    static final class SymptomCandidates extends java.util.ArrayList<String> {
        SymptomCandidates() {
            for (Symptom s : Symptom.values()) {
                add(s.label());
            }
        }
    }

    static final class FailOnCandidates extends java.util.ArrayList<String> {
        FailOnCandidates() {
            super(java.util.List.of("critical", "warning", "unknown", "never"));
        }
    }
}

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
}

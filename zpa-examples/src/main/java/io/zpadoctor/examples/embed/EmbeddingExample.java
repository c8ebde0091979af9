package io.zpadoctor.examples.embed;

import io.zpadoctor.client.bundle.Bundle;
import io.zpadoctor.client.bundle.BundleReader;
import io.zpadoctor.model.finding.Finding;
import io.zpadoctor.report.Format;
import io.zpadoctor.report.Reports;
import io.zpadoctor.rules.Diagnoser;
import io.zpadoctor.rules.Diagnosis;

import java.nio.file.Path;

/**
 * ZPA Doctor as a library: read a support bundle, diagnose it, use the findings. The lines between the
 * README markers are quoted in the project README, and a test checks that the two stay identical.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) throws Exception {
        // README:begin
        Bundle bundle = BundleReader.read(Path.of(args[0]));          // a folder, .tar.gz or .zip
        Diagnoser doctor = Diagnoser.builder().build();               // thread-safe: build once, share
        Diagnosis diagnosis = doctor.diagnose(bundle.toFacts());
        diagnosis.primaryCause().ifPresentOrElse(
                f -> System.out.println("Root cause " + f.code() + ": " + f.rootCause()),
                () -> System.out.println("No problem found."));
        for (Finding f : diagnosis.findings()) {
            System.out.println(f.severity() + " " + f.code() + " " + f.title() + " (" + f.subject().label() + ")");
        }
        String markdown = Reports.render(diagnosis, Format.MARKDOWN);  // or JSON, TEXT
        // README:end
        System.out.println(markdown.lines().count() + " lines of Markdown report");
    }
}

package io.zpadoctor.report;

import io.zpadoctor.report.internal.html.HtmlRenderer;
import io.zpadoctor.rules.Diagnosis;
import io.zpadoctor.rules.FleetReport;

/** Renders a diagnosis in any format; every output is scrubbed of secrets. */
public final class Reports {
    private Reports() {
    }

    public static String render(Diagnosis d, Format format) {
        return render(d, format, false);
    }

    /** The fleet view in any format; the JSON is the diagnosis document plus a {@code fleet} section. */
    public static String renderFleet(FleetReport fleet, Format format, boolean color) {
        String out = switch (format) {
            case MARKDOWN -> FleetMarkdown.render(fleet);
            case JSON -> JsonReport.render(fleet.diagnosis(), fleet);
            case TEXT -> FleetText.render(fleet, color);
            case HTML -> HtmlRenderer.fleet(HtmlPages.fleet(fleet));
        };
        return format == Format.HTML ? Redactor.scrubHtml(out) : Redactor.scrub(out);
    }

    /** @param color ANSI colours in the text format (for terminals) */
    public static String render(Diagnosis d, Format format, boolean color) {
        String out = switch (format) {
            case MARKDOWN -> MarkdownReport.render(d);
            case JSON -> JsonReport.render(d);
            case TEXT -> TextReport.render(d, color);
            case HTML -> HtmlRenderer.diagnosis(HtmlPages.diagnosis(d));
        };
        return format == Format.HTML ? Redactor.scrubHtml(out) : Redactor.scrub(out);
    }
}

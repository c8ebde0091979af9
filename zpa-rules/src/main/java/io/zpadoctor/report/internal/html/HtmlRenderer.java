package io.zpadoctor.report.internal.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders the pages with the templates jte-maven-plugin compiled into {@code templates} at build time. */
public final class HtmlRenderer {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlRenderer.class.getClassLoader(), HtmlRenderer.class.getPackageName() + ".templates");

    private HtmlRenderer() {
    }

    public static String fleet(HtmlPage.Fleet page) {
        return render("fleet.jte", page);
    }

    public static String diagnosis(HtmlPage.Diagnosis page) {
        return render("diagnosis.jte", page);
    }

    private static String render(String template, Object page) {
        StringOutput out = new StringOutput(64 * 1024);
        ENGINE.render(template, page, out);
        return out.toString();
    }
}

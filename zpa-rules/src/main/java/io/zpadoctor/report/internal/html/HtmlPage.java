package io.zpadoctor.report.internal.html;

import java.util.List;

/** What the templates show, worked out beforehand: the templates only lay it out, and jte escapes every value. */
public final class HtmlPage {
    private HtmlPage() {
    }

    /** A labelled line of the page's head. */
    public record Fact(String label, String value) {
    }

    /** One bar of a chart, its geometry worked out from the data ({@link Chart#of}). */
    public record Bar(String label, int value, int y, int width, String tone) {
    }

    /** A horizontal bar chart drawn as inline SVG. */
    public record Chart(String name, String title, int width, int height, int labelWidth, List<Bar> bars, int total) {
        static final int ROW = 24;
        static final int BAR_MAX = 300;
        static final int LABEL = 210;

        /** Bars for {@code counts} (label, value, tone), the longest as wide as the chart allows. */
        public static Chart of(String name, String title, List<Bar> counts) {
            int max = 1;
            int total = 0;
            for (Bar b : counts) {
                max = Math.max(max, b.value());
                total += b.value();
            }
            List<Bar> bars = new java.util.ArrayList<>();
            int y = 0;
            for (Bar b : counts) {
                bars.add(new Bar(b.label(), b.value(), y, Math.max(2, (int) Math.round(b.value() * (double) BAR_MAX / max)),
                        b.tone()));
                y += ROW;
            }
            return new Chart(name, title, LABEL + BAR_MAX + 80, Math.max(ROW, y), LABEL, bars, total);
        }
    }

    /** A group on the health grid. */
    public record Cell(String name, String tone, String detail) {
    }

    /** How many groups of the grid are in each state, for its legend. */
    public record Legend(String tone, String label, int count) {
    }

    /**
     * Applications no connector can reach through the same broken chain: their names, the chain in words and the
     * codes of the problems behind it.
     */
    public record Unreachable(String names, int count, String domains, String chain, String codes) {
    }

    /** A numbered remediation step. */
    public record Step(int number, String kind, String text, String command) {
    }

    /** A line of evidence. */
    public record Evidence(String source, String field, String value) {
    }

    /** A finding with everything needed to act on it. */
    public record Finding(String code, String severity, String title, String subject, String rootCause,
                          List<Evidence> evidence, List<Step> steps, String verification, String note) {
    }

    /** The findings of one code; {@code explained} of them are symptoms counted under their cause's problem. */
    public record CodeGroup(String code, String severity, String title, int count, int explained,
                            List<Finding> findings) {
    }

    /** A finding a problem explains, in one line beneath it. */
    public record Explained(String code, String title, String subject) {
    }

    /** A root cause with its evidence and fix, and the findings it explains; {@code more} of those are not listed. */
    public record Problem(Finding cause, List<Explained> explains, int total, int more) {
    }

    /** A headline figure of the impact summary. */
    public record Figure(String label, int count, String tone, String detail) {
    }

    /** A connector among the resource hot spots: its measures as the other formats print them (blank when unknown). */
    public record HotConnector(String connector, String group, String busiest, String busiestPercent, String cpu,
                               String memory, String processMemory, String ports, String fds, String diskMb) {
    }

    /** A group among the resource hot spots. */
    public record HotGroup(String group, int reporting, String cpuAverage, String cpuMax, String memoryAverage) {
    }

    /** The resource hot spots by LSS records; {@code note} is empty without records, and the section is left out. */
    public record HotSpots(String note, List<HotConnector> connectors, List<HotGroup> groups) {
    }

    /** The fleet page. */
    public record Fleet(String title, List<Fact> facts, List<Figure> impact, List<Figure> cleanup, Chart byStatus,
                        Chart byVersion, List<Legend> legend, List<Cell> grid, boolean compactGrid,
                        List<Unreachable> unreachable, String problemLine, List<Problem> problems, HotSpots hotSpots,
                        List<CodeGroup> codes, String version) {
    }

    /** The runbook's troubleshooting report. */
    public record Diagnosis(String title, List<Fact> facts, String verdict, String verdictTone, Finding primary,
                            List<String> alsoExplains, List<Finding> others, List<Fact> checks, List<String> notes,
                            List<Step> persist, String version) {
    }
}

package io.zpadoctor.rules.internal.verdict;

import io.zpadoctor.model.telemetry.ConnectorTelemetry;
import io.zpadoctor.model.telemetry.WindowStat;
import io.zpadoctor.rules.HotSpots;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hot spots from summaries that lack some shares: unknown stays unknown, never a crash (a watch died of one). */
class FleetsHotSpotsTest {
    private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");

    private static ConnectorTelemetry summary(String name, Double systemFd, Double processFd) {
        WindowStat cpu = new WindowStat(4, 0, null, 42, 40, AT);
        return new ConnectorTelemetry(name, "DC1", "id-" + name, "g1", AT, AT, cpu, WindowStat.NONE, WindowStat.NONE,
                null, null, 0, null, systemFd, processFd, null, null, null, 0, 0, null, "25.44.6", "lss/m.jsonl");
    }

    @Test
    void aConnectorWithoutDescriptorFiguresIsListedByWhatItHas() {
        HotSpots h = Fleets.hotSpots(List.of(summary("a", null, null), summary("b", null, 30.0),
                summary("c", 55.0, null), summary("d", 20.0, 70.0)));
        assertThat(h.connectors()).extracting(HotSpots.Connector::connectorName).containsExactly("d", "c", "a", "b");
        assertThat(h.connectors()).filteredOn(c -> c.connectorName().equals("a")).singleElement()
                .satisfies(c -> assertThat(c.fdPercent()).isNull());
    }

    @Test
    void theTopIsTheHeadOfTheWholeListSortedStablyTiesIncluded() {
        java.util.Random r = new java.util.Random(7);
        java.util.Comparator<int[]> order = java.util.Comparator.comparingInt((int[] x) -> x[0]).reversed();
        for (int round = 0; round < 2000; round++) {
            List<int[]> all = new java.util.ArrayList<>();
            for (int i = r.nextInt(40); i > 0; i--) {
                all.add(new int[] {r.nextInt(6), all.size()});   // few values: many ties, told apart by [1]
            }
            int k = r.nextInt(14);
            List<int[]> sorted = new java.util.ArrayList<>(all);
            sorted.sort(order);
            assertThat(Fleets.top(all, order, k)).as("k=%d", k)
                    .containsExactlyElementsOf(sorted.subList(0, Math.min(k, sorted.size())));
        }
    }

    @Test
    void theLargerOfTwoSharesEitherOfWhichMayBeUnknown() {
        assertThat(Fleets.maxOf(null, null)).isNull();
        assertThat(Fleets.maxOf(null, 3.0)).isEqualTo(3.0);
        assertThat(Fleets.maxOf(4.0, null)).isEqualTo(4.0);
        assertThat(Fleets.maxOf(4.0, 9.0)).isEqualTo(9.0);
    }
}

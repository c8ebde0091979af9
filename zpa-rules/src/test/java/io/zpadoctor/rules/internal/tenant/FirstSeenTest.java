package io.zpadoctor.rules.internal.tenant;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The open-addressed first-value table answers as a HashMap filled with putIfAbsent would. */
class FirstSeenTest {

    @Test
    void answersAsAHashMapOnRandomKeysWithRepeatsAndCollidingHashes() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(300);
            FirstSeen<Integer> table = new FirstSeen<>(n);
            Map<String, Integer> model = new HashMap<>();
            for (int i = 0; i < n; i++) {
                // "Aa" and "BB" share a hash code, so chains of colliding keys are exercised too
                String key = r.nextBoolean() ? "k" + r.nextInt(n + 1) : "AaBB".repeat(1 + r.nextInt(3))
                        + (r.nextBoolean() ? "Aa" : "BB");
                // a fresh String each time, as a JSON reader makes them: equal keys are not the same object
                key = new String(key.toCharArray());
                assertThat(table.putIfAbsent(key, i)).isEqualTo(model.putIfAbsent(key, i));
            }
            assertThat(table).hasSameSizeAs(model).isEqualTo(model);
            for (String k : model.keySet()) {
                assertThat(table.get(new String(k.toCharArray()))).isEqualTo(model.get(k));
                assertThat(table.containsKey(k)).isTrue();
            }
            assertThat(table.get("absent")).isNull();
            assertThat(table.containsKey(null)).isFalse();
        }
    }

    @Test
    void refusesNullsAndMoreKeysThanItWasSizedFor() {
        FirstSeen<String> t = new FirstSeen<>(2);
        assertThatThrownBy(() -> t.putIfAbsent(null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> t.putIfAbsent("k", null)).isInstanceOf(NullPointerException.class);
        t.putIfAbsent("a", "1");
        t.putIfAbsent("b", "2");
        t.putIfAbsent("c", "3");
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                t.putIfAbsent("x" + i, "v");
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("sized for fewer keys");
        // a key already there is still answered when the table is full
        assertThat(t.putIfAbsent("a", "other")).isEqualTo("1");
    }
}

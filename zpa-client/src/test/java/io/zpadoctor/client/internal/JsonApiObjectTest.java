package io.zpadoctor.client.internal;

import io.zpadoctor.client.api.ApiObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonApiObjectTest {
    static final String KEY = "3|api.private.zscaler.com|hGk7L2pQx9vR4mN8sT1wY6zB0cF5jD3eA7uI2oP9lK4=";

    @Test
    void valuesReadAsTheApiWritesThemAndCopiesLeaveTheOriginalAlone() {
        ApiObject o = ApiObject.parse("{\"id\":\"72058304855089990\",\"maxUsage\":\"5\",\"enabled\":false,"
                + "\"usageCount\":3,\"description\":null}");
        assertThat(o.id()).isEqualTo("72058304855089990");
        assertThat(o.text("maxUsage")).isEqualTo("5");
        assertThat(o.text("enabled")).isEqualTo("false");
        assertThat(o.text("usageCount")).isEqualTo("3");
        assertThat(o.text("description")).isNull();
        assertThat(o.has("description")).isTrue();
        assertThat(o.text("absent")).isNull();
        ApiObject changed = o.with("enabled", true).with("maxUsage", "6").with("usageCount", 4L);
        assertThat(changed.toJson()).isEqualTo("{\"id\":\"72058304855089990\",\"maxUsage\":\"6\",\"enabled\":true,"
                + "\"usageCount\":4,\"description\":null}");
        assertThat(o.text("enabled")).isEqualTo("false");
        assertThat(o.fields()).containsExactly("id", "maxUsage", "enabled", "usageCount", "description");
    }

    @Test
    void redactedCutsKeyStringsAndNothingElse() {
        ApiObject k = ApiObject.parse("{\"id\":\"1\",\"name\":\"DC1 key\",\"provisioningKey\":\"" + KEY + "\"}");
        assertThat(k.redacted().text("provisioningKey")).isEqualTo("3|api.private.zscaler.com|REDACTED");
        assertThat(k.redacted().text("name")).isEqualTo("DC1 key");
        assertThat(k.text("provisioningKey")).isEqualTo(KEY);
    }

    @Test
    void onlyOneJsonObjectIsAnApiObject() {
        assertThatThrownBy(() -> ApiObject.parse("[1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one JSON object, found array");
        assertThatThrownBy(() -> ApiObject.parse("{\"id\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }
}

package io.zpadoctor.rules.internal.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * Compiles the built-in catalog at build time (Maven's process-classes phase): checks the YAML file as any run
 * would, and writes its tree as JSON beside it, stamped with the YAML's checksum. A run reads the JSON only while
 * the stamp matches the YAML on the classpath, so a catalog edited without a build (an IDE run) is read from the
 * YAML, never from a stale copy.
 */
public final class CatalogCompiler {
    private static final JsonFactory JSON = new JsonFactory();

    private CatalogCompiler() {
    }

    /** {@code CatalogCompiler <catalog.yaml> <catalog.json>}: fails, naming every problem, on an unsound catalog. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CatalogCompiler <catalog.yaml> <catalog.json>");
        }
        Path yaml = Path.of(args[0]);
        Path json = Path.of(args[1]);
        byte[] bytes = Files.readAllBytes(yaml);
        CatalogLoader.CatalogFile checked = CatalogLoader.load(new ByteArrayInputStream(bytes), "built-in",
                yaml.toString()).requireSound();
        Files.createDirectories(json.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(json.toAbsolutePath().getParent(), ".catalog", ".tmp");
        try {
            // at build time a mapper's start costs nothing; a run reads the copy with the plain parser of read()
            ObjectNode compiled = JsonNodeFactory.instance.objectNode().put("compiledFromCrc32", crc(bytes))
                    .put("compiledFromLength", bytes.length);
            compiled.set("catalog", CatalogLoader.yamlTree(bytes));
            new ObjectMapper().writeValue(tmp.toFile(), compiled);
            // what a run will read must be what the YAML says: checked here, so a mismatch fails the build
            CatalogLoader.CatalogFile back = read(bytes, Files.newInputStream(tmp));
            if (back == null || !back.entries().equals(checked.entries()) || !back.persist().equals(checked.persist())
                    || !back.probes().equals(checked.probes())) {
                throw new IllegalStateException("the compiled catalog " + json + " does not read back as " + yaml);
            }
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The catalog compiled from exactly these YAML bytes, or null when {@code compiled} is absent or was compiled
     * from other bytes.
     */
    public static CatalogLoader.CatalogFile read(byte[] yaml, InputStream compiled) throws IOException {
        if (compiled == null) {
            return null;
        }
        JsonNode root;
        try (JsonParser p = JSON.createParser(compiled)) {
            root = tree(p, p.nextToken());
        }
        if (root == null || root.path("compiledFromCrc32").asLong(-1) != crc(yaml)
                || root.path("compiledFromLength").asInt(-1) != yaml.length) {
            return null;
        }
        return CatalogLoader.loadCompiled(root.get("catalog"), "built-in", "catalog.yaml");
    }

    private static long crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return c.getValue();
    }

    private static JsonNode tree(JsonParser p, JsonToken t) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (t == null) {
            return null;
        }
        return switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    o.set(name, tree(p, p.nextToken()));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(tree(p, v));
                }
                yield a;
            }
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_NUMBER_INT -> f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> throw new IOException("unexpected " + t + " in the compiled catalog");
        };
    }
}

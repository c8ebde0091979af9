package io.zpadoctor.client.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the objects of one API collection file, in whichever shape it was saved: a bare array, one API page
 * ({@code {"totalPages","totalCount","list"}}), or an array of pages. Each object keeps the line and column
 * where it and each of its fields start, so a bad value can be pointed at.
 */
public final class ApiJson {
    /**
     * A plain parser factory, no data binding: building an {@code ObjectMapper} and its deserializers cost a cold
     * run tens of milliseconds before the first object was read. Keys twice in one object are found while the tree
     * is built ({@link Tree}), where the map already knows them, instead of by the parser's own set per object.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();

    /**
     * One object of the collection, with where it was found. Field positions are worked out only when an error
     * needs one, by reading the object's bytes again: reading thousands of objects stays cheap.
     */
    public record Item(ObjectNode node, int line, int column, byte[] source, int start, int end, int index) {
        /** Line and column of a field, falling back to the object's own. */
        public int[] where(String field) {
            if (source != null && start >= 0 && end > start) {
                try (JsonParser p = FACTORY.createParser(source, start, end - start)) {
                    p.nextToken();
                    JsonToken t;
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        if (JsonKeys.camel(p.currentName()).equals(field)) {
                            JsonLocation at = p.currentTokenLocation();
                            int l = line + at.getLineNr() - 1;
                            int c = at.getLineNr() == 1 ? column + at.getColumnNr() - 1 : at.getColumnNr();
                            return new int[] {l, c};
                        }
                        p.nextToken();
                        p.skipChildren();
                    }
                } catch (IOException e) {
                    // fall back to the object's own position
                }
            }
            return new int[] {line, column};
        }

        Item reindexed(int i) {
            return i == index ? this : new Item(node, line, column, source, start, end, i);
        }
    }

    /** The objects, and notes such as a page count that does not add up. */
    public record Result(List<Item> items, List<String> warnings) {
    }

    private ApiJson() {
    }

    public static Result read(byte[] bytes, String file) throws WireException {
        Shape shape = parse(bytes, file);
        List<String> warnings = new ArrayList<>();
        if (shape.singlePage && shape.totalPages > 1) {
            warnings.add(file + " is page 1 of " + shape.totalPages + " (totalPages); the other pages are"
                    + " missing, so objects may be missing");
        }
        if (shape.declared >= 0 && shape.declared != shape.items.size()) {
            warnings.add(file + " declares totalCount " + shape.declared + " but holds " + shape.items.size()
                    + " objects: pages may be missing");
        }
        return new Result(shape.items, warnings);
    }

    /**
     * One page of a live list response ({@code {"totalPages","totalCount","list"}}), or a bare array taken as the
     * whole list.
     *
     * @param totalPages the page count the API declares, -1 when it declares none
     * @param totalCount the object count the API declares, -1 when it declares none
     */
    public record Page(List<Item> items, int totalPages, long totalCount) {
    }

    /** Reads one list response; {@code source} names it in errors (the endpoint and page). */
    public static Page readPage(byte[] bytes, String source) throws WireException {
        Shape shape = parse(bytes, source);
        if (shape.pages > 1) {
            throw new WireException(source, "expected one page {\"totalPages\", \"list\"}, found "
                    + shape.pages + " pages in one response");
        }
        if (shape.pages == 0 && shape.singleObject) {
            throw new WireException(source, "expected a page {\"totalPages\", \"list\"} or an array,"
                    + " found a single object");
        }
        // more pages than an int holds is no page count a server could mean: unknown, never wrapped
        int totalPages = shape.pages == 1 && shape.totalPages <= Integer.MAX_VALUE ? (int) shape.totalPages : -1;
        return new Page(shape.items, totalPages, shape.declared);
    }

    /** What a file or response held: its objects, and the paging it declared. */
    private record Shape(List<Item> items, long declared, int pages, long totalPages, boolean singlePage,
                         boolean singleObject) {
    }

    private static Shape parse(byte[] bytes, String file) throws WireException {
        List<Item> items = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new WireException(file, "the file is empty; expected a JSON array of objects or an API page"
                        + " {\"totalPages\", \"list\"} (delete the file if there are no such objects)");
            }
            long declared = -1;
            int pages = 0;
            long totalPages = -1;
            boolean singlePage = false;
            boolean singleObject = false;
            if (t == JsonToken.START_ARRAY) {
                boolean sawItem = false;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw unexpected(file, p, "an object (one API object, or one page)");
                    }
                    Parsed o = readObject(p, bytes, file, items.size());
                    if (o.page != null) {
                        if (sawItem) {
                            throw at(file, o.line, o.column, "an API page inside an array of objects;"
                                    + " expected either an array of objects or an array of pages, not both");
                        }
                        pages++;
                        declared = Math.max(declared, o.declaredTotal);
                        addAll(items, o.page);
                    } else {
                        if (pages > 0) {
                            throw at(file, o.line, o.column, "an object among API pages;"
                                    + " expected either an array of objects or an array of pages, not both");
                        }
                        sawItem = true;
                        items.add(reindex(o.item, items.size()));
                    }
                }
            } else if (t == JsonToken.START_OBJECT) {
                Parsed o = readObject(p, bytes, file, 0);
                if (o.page != null) {
                    pages = 1;
                    singlePage = true;
                    declared = o.declaredTotal;
                    totalPages = o.totalPages;
                    addAll(items, o.page);
                } else {
                    singleObject = true;
                    items.add(o.item);
                }
            } else {
                throw unexpected(file, p, "a JSON array or an object");
            }
            if (p.nextToken() != null) {
                throw unexpected(file, p, "the end of the file after the JSON value");
            }
            return new Shape(items, declared, pages, totalPages, singlePage, singleObject);
        } catch (JsonEOFException e) {
            JsonLocation l = e.getLocation();
            throw at(file, l.getLineNr(), l.getColumnNr(), "the file ends in the middle of a JSON value"
                    + " (was it cut short?)");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String m = e.getOriginalMessage();
            throw at(file, l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr(),
                    m != null && m.startsWith("Duplicate field") ? "the field " + m.substring("Duplicate field ".length())
                            + " appears twice in one object; which value is meant cannot be told: keep one"
                            : "not valid JSON: " + m);
        } catch (IOException e) {
            throw new WireException(file, "cannot be read: " + e.getMessage());
        }
    }

    private static void addAll(List<Item> items, List<Item> page) {
        for (Item i : page) {
            items.add(reindex(i, items.size()));
        }
    }

    private static Item reindex(Item i, int index) {
        return i.reindexed(index);
    }

    /** An object ({@code item}) or a page ({@code page}), and where it starts either way. */
    private record Parsed(Item item, List<Item> page, long declaredTotal, long totalPages, int line, int column) {
    }

    /** At START_OBJECT: an API object, or a page whose "list" holds them. */
    private static Parsed readObject(JsonParser p, byte[] bytes, String file, int index)
            throws IOException, WireException {
        JsonLocation start = p.currentTokenLocation();
        Tree node = new Tree(16);
        List<Item> list = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = node.key(p);
            JsonToken v = p.nextToken();
            if (name.equals("list") && v == JsonToken.START_ARRAY && list == null) {
                list = new ArrayList<>();
                node.object.putNull(name);   // holds its place, and a second "list" is a repeated key
                int fields = 16;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (v != JsonToken.START_OBJECT) {
                        throw unexpected(file, p, "an object in the page's \"list\"");
                    }
                    Item item = readItem(p, bytes, list.size(), fields);
                    fields = item.node.size();
                    list.add(item);
                }
            } else {
                node.object.set(name, value(p, v));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw unexpected(file, p, "a field name or '}'");
        }
        ObjectNode o = node.object;
        boolean pageMarkers = o.has("totalPages") || o.has("totalCount");
        if (list != null && (pageMarkers || !o.has("id"))) {
            return new Parsed(null, list, count(o.get("totalCount")), count(o.get("totalPages")),
                    start.getLineNr(), start.getColumnNr());
        }
        if (list != null) {
            ArrayNode a = o.putArray("list");
            list.forEach(i -> a.add(i.node));
        } else if (pageMarkers && !o.has("id")) {
            // a page with "totalPages": "0" and no "list" is how the API says "none"
            return new Parsed(null, List.of(), count(o.get("totalCount")), 0, start.getLineNr(), start.getColumnNr());
        }
        return new Parsed(new Item(o, start.getLineNr(), start.getColumnNr(), bytes,
                (int) start.getByteOffset(), (int) p.currentLocation().getByteOffset(), index), null, -1, 0,
                start.getLineNr(), start.getColumnNr());
    }

    /** {@code fields}: how many the object before it had, so its map is sized once (a list's objects are alike). */
    private static Item readItem(JsonParser p, byte[] bytes, int index, int fields) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        Tree node = new Tree(fields);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = node.key(p);
            node.object.set(name, value(p, p.nextToken()));
        }
        return new Item(node.object, start.getLineNr(), start.getColumnNr(), bytes, (int) start.getByteOffset(),
                (int) p.currentLocation().getByteOffset(), index);
    }

    /**
     * An object being read: its keys in camelCase ({@link JsonKeys#camel}), and a key the file repeats is an error.
     * Repeats are told by the key as written, so {@code "runtimeOS"} beside {@code "runtime_os"} is no repeat; the
     * written keys are kept aside only once one differs from its camelCase form (the SDK's files), else the map
     * itself answers.
     */
    private static final class Tree {
        final ObjectNode object;
        private java.util.Set<String> written;

        Tree(int fields) {
            object = new ObjectNode(JsonNodeFactory.instance, new java.util.LinkedHashMap<>(Math.max(16, fields * 4 / 3 + 1)));
        }

        /** At FIELD_NAME: the key to store the value under. */
        String key(JsonParser p) throws IOException {
            String raw = p.currentName();
            String name = JsonKeys.camel(raw);
            if (written == null && !name.equals(raw)) {
                written = new java.util.HashSet<>();
                object.fieldNames().forEachRemaining(written::add);
            }
            if (written != null ? !written.add(raw) : object.has(name)) {
                throw new JsonParseException(p, "Duplicate field '" + raw + "'", p.currentTokenLocation());
            }
            return name;
        }
    }

    /** A field's value: scalars built directly (most fields), containers as trees with keys in camelCase. */
    private static JsonNode value(JsonParser p, JsonToken v) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (v) {
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p, v);
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(value(p, t));
                }
                yield a;
            }
            case START_OBJECT -> {
                Tree o = new Tree(4);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = o.key(p);
                    JsonNode value = value(p, p.nextToken());
                    JsonNode before = o.object.get(name);
                    // two spellings of one key (runtime_os, runtime_o_s): the first with a value counts
                    if (before == null || before.isNull()) {
                        o.object.set(name, value);
                    }
                }
                yield o.object;
            }
            default -> throw new JsonParseException(p, "unexpected " + v, p.currentTokenLocation());
        };
    }

    private static JsonNode number(JsonParser p, JsonToken v) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            if (v == JsonToken.VALUE_NUMBER_FLOAT) {
                return f.numberNode(p.getDecimalValue());
            }
            return switch (p.getNumberType()) {
                case INT -> f.numberNode(p.getIntValue());
                case LONG -> f.numberNode(p.getLongValue());
                default -> f.numberNode(p.getBigIntegerValue());
            };
        } catch (NumberFormatException e) {
            // 1e744073709551617 is valid JSON that no BigDecimal holds: report it where it stands
            throw new JsonParseException(p, "the number " + p.getText() + " is out of range",
                    p.currentTokenLocation(), e);
        }
    }

    private static long count(JsonNode n) {
        if (n == null || n.isNull()) {
            return -1;
        }
        try {
            if (n.isNumber()) {
                // a count beyond 64 bits is no count: unknown, not its wrapped low bits
                return n.canConvertToLong() ? n.asLong() : -1;
            }
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static WireException unexpected(String file, JsonParser p, String expected) {
        JsonLocation l = p.currentTokenLocation();
        JsonToken t = p.currentToken();
        String found = t == null ? "the end of the file" : switch (t) {
            case START_ARRAY -> "'['";
            case START_OBJECT -> "'{'";
            case END_ARRAY -> "']'";
            case END_OBJECT -> "'}'";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
        return at(file, l.getLineNr(), l.getColumnNr(), "expected " + expected + ", found " + found);
    }

    static WireException at(String file, int line, int column, String problem) {
        return new WireException(file, line, column, problem);
    }
}

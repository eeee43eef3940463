package dev.trawl.demoshop;

import java.math.BigDecimal;
import java.util.List;

/**
 * A JSON object written field by field in order, for JSON-LD and catalogue lines (the module has
 * no JSON library). Null values leave their field out.
 */
final class JsonObject {
    private final StringBuilder s = new StringBuilder(256).append('{');

    JsonObject string(String key, String value) {
        return value == null ? this : raw(key, quote(value));
    }

    /** A number written exactly as the decimal's plain string, e.g. {@code 49.00}. */
    JsonObject number(String key, BigDecimal value) {
        return value == null ? this : raw(key, value.toPlainString());
    }

    JsonObject number(String key, Number value) {
        return value == null ? this : raw(key, value.toString());
    }

    JsonObject object(String key, JsonObject value) {
        return value == null ? this : raw(key, value.toString());
    }

    /** An array of values that are JSON texts already; an empty or null list leaves the field out. */
    JsonObject array(String key, List<String> jsonValues) {
        return jsonValues == null || jsonValues.isEmpty() ? this : raw(key, "[" + String.join(",", jsonValues) + "]");
    }

    private JsonObject raw(String key, String json) {
        if (s.length() > 1) {
            s.append(',');
        }
        s.append('"').append(escape(key)).append("\":").append(json);
        return this;
    }

    @Override
    public String toString() {
        return s + "}";
    }

    static String quote(String value) {
        return '"' + escape(value) + '"';
    }

    /** Escapes for a JSON string; {@code <} too, so the text is safe inside a {@code <script>}. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

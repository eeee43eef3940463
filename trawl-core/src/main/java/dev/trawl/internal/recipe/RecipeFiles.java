package dev.trawl.internal.recipe;

import dev.trawl.fetch.BlockRules;
import dev.trawl.recipe.FieldRule;
import dev.trawl.recipe.Recipe;
import dev.trawl.recipe.RecipeException;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import dev.trawl.discover.LinkRules;

/** Reads recipe files (YAML, of which JSON is a part), checking every selector and pattern, with messages that name the file and place. */
public final class RecipeFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY); // blocked_if: {css: "#challenge"} as well as a list

    private RecipeFiles() {}

    record FieldSpec(String selector, String attribute, String regex, Boolean all, Boolean optional) {}

    record BlockedSpec(List<Integer> status, List<String> text, List<String> css) {}

    record RecipeSpec(String name, String match, String currency, Map<String, FieldSpec> fields, List<String> follow,
                      @JsonProperty("follow_match") String followMatch, @JsonProperty("blocked_if") BlockedSpec blockedIf,
                      String render, @JsonProperty("wait_for") String waitFor) {}

    /** One recipe file, or a list of them in one file; a directory's *.yaml, *.yml and *.json files. */
    public static List<Recipe> read(Path path) throws RecipeException {
        if (Files.isDirectory(path)) {
            List<Recipe> all = new ArrayList<>();
            try (var files = Files.list(path)) {
                for (Path f : files.filter(RecipeFiles::isRecipeFile).sorted().toList()) {
                    all.addAll(read(f));
                }
            } catch (IOException e) {
                throw new RecipeException(path + ": cannot list the directory: " + e.getMessage());
            }
            return all;
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new RecipeException(path + ": no such file");
        } catch (IOException e) {
            throw new RecipeException(path + ": cannot read: " + e.getMessage());
        }
        return List.of(parse(text, path.toString()));
    }

    /** One recipe from its text; {@code file} names it in messages. */
    public static Recipe parse(String text, String file) throws RecipeException {
        RecipeSpec spec;
        try {
            spec = YAML.readValue(text, RecipeSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new RecipeException(file + ":" + lineOf(text, e.getPropertyName()) + ": unknown key '" + e.getPropertyName()
                    + "' (known: " + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
        } catch (JsonProcessingException e) {
            throw new RecipeException(at(file, e) + e.getOriginalMessage());
        }
        if (spec == null) {
            throw new RecipeException(file + ": empty recipe");
        }
        return recipe(spec, file);
    }

    private static boolean isRecipeFile(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static Recipe recipe(RecipeSpec spec, String file) throws RecipeException {
        if (spec.name() == null || spec.name().isBlank()) {
            throw new RecipeException(file + ": 'name' is missing");
        }
        if (spec.match() == null) {
            throw new RecipeException(file + ": 'match' is missing (a regular expression found in the URLs of the pages it reads)");
        }
        String currency = spec.currency() == null ? null : spec.currency().strip();
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new RecipeException(file + ": currency: '" + currency + "' is not an ISO 4217 code such as EUR");
        }
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        if (spec.fields() == null || spec.fields().isEmpty()) {
            throw new RecipeException(file + ": 'fields' is missing: a recipe reads at least one field");
        }
        for (Map.Entry<String, FieldSpec> e : spec.fields().entrySet()) {
            String field = e.getKey();
            FieldSpec f = e.getValue();
            String where = file + ": fields." + field;
            if (!Recipe.FIELDS.contains(field)) {
                throw new RecipeException(where + ": unknown field (known: " + String.join(", ", Recipe.FIELDS) + ")");
            }
            if (f == null || f.selector() == null) {
                throw new RecipeException(where + ": 'selector' is missing");
            }
            selector(where + ".selector", f.selector());
            fields.put(field, new FieldRule(f.selector(), f.attribute(), f.regex() == null ? null : pattern(where + ".regex", f.regex()),
                    Boolean.TRUE.equals(f.all()), Boolean.TRUE.equals(f.optional())));
        }
        List<String> follow = spec.follow() == null ? List.of() : spec.follow();
        for (int i = 0; i < follow.size(); i++) {
            selector(file + ": follow[" + i + "]", follow.get(i));
        }
        return new Recipe(spec.name().strip(), file, pattern(file + ": match", spec.match()), currency, fields, follow,
                spec.followMatch() == null ? null : pattern(file + ": follow_match", spec.followMatch()), blockedIf(spec.blockedIf(), file),
                render(spec.render(), file), waitFor(spec.waitFor(), file));
    }

    private static dev.trawl.fetch.RenderMode render(String render, String file) throws RecipeException {
        if (render == null) {
            return null;
        }
        for (dev.trawl.fetch.RenderMode mode : dev.trawl.fetch.RenderMode.values()) {
            if (mode.name().equalsIgnoreCase(render.strip())) {
                return mode;
            }
        }
        throw new RecipeException(file + ": render: '" + render + "' is not one of always, never, auto");
    }

    private static BlockRules blockedIf(BlockedSpec spec, String file) throws RecipeException {
        if (spec == null) {
            return BlockRules.NONE;
        }
        List<Integer> statuses = spec.status() == null ? List.of() : spec.status();
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i) == null || statuses.get(i) < 100 || statuses.get(i) > 599) {
                throw new RecipeException(file + ": blocked_if.status[" + i + "]: not an HTTP status (100 to 599): " + statuses.get(i));
            }
        }
        List<Pattern> texts = new ArrayList<>();
        List<String> text = spec.text() == null ? List.of() : spec.text();
        for (int i = 0; i < text.size(); i++) {
            texts.add(pattern(file + ": blocked_if.text[" + i + "]", text.get(i)));
        }
        List<String> css = spec.css() == null ? List.of() : spec.css();
        for (int i = 0; i < css.size(); i++) {
            selector(file + ": blocked_if.css[" + i + "]", css.get(i));
        }
        return new BlockRules(new java.util.HashSet<>(statuses), texts, css);
    }

    private static String waitFor(String css, String file) throws RecipeException {
        if (css != null) {
            selector(file + ": wait_for", css);
        }
        return css;
    }

    private static void selector(String where, String css) throws RecipeException {
        try {
            LinkRules.checkSelector(css);
        } catch (IllegalArgumentException e) {
            throw new RecipeException(where + ": " + e.getMessage());
        }
    }

    private static Pattern pattern(String where, String regex) throws RecipeException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RecipeException(where + ": not a regular expression: " + e.getDescription() + " in '" + regex + "'");
        }
    }

    /**
     * The line of the first key so named. Jackson reports an unknown key of a record where the
     * record ends, having read it whole first, so the key is looked for again.
     */
    private static String lineOf(String text, String key) {
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME && parser.currentName().equals(key)) {
                    JsonLocation l = parser.currentTokenLocation();
                    return l.getLineNr() + ":" + l.getColumnNr();
                }
            }
        } catch (IOException e) {
            // fall through: the file was read once already, so this cannot fail in practice
        }
        return "?";
    }

    private static String at(String file, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null ? file + ": " : file + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": ";
    }
}

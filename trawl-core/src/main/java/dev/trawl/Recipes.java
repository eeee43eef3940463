package dev.trawl;

import dev.trawl.internal.recipe.RecipeFiles;
import dev.trawl.recipe.Recipe;
import dev.trawl.recipe.RecipeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads site recipes, for {@link CrawlBuilder#recipes(List)}. */
public final class Recipes {
    private Recipes() {}

    /** Reads recipe files (YAML or JSON) and directories of them, in the order given (a directory's by name). */
    public static List<Recipe> load(List<Path> paths) throws RecipeException {
        List<Recipe> all = new ArrayList<>();
        for (Path p : paths) {
            all.addAll(RecipeFiles.read(p));
        }
        return List.copyOf(all);
    }

    /** One recipe from its YAML or JSON text; {@code name} stands for its file in messages. */
    public static Recipe parse(String text, String name) throws RecipeException {
        return RecipeFiles.parse(text, name);
    }
}

package dev.trawl.recipe;

/** A recipe file that cannot be used; the message names the file and the place, and says why. */
public final class RecipeException extends Exception {
    public RecipeException(String message) {
        super(message, null, false, false);
    }
}

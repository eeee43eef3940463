package dev.trawl.internal.extract;

import dev.trawl.internal.text.Prices;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A category path, outermost first, from the text a page gives ({@code "Shoes > Running"}).
 * A site's home page is not a category: a leading "Home" (in a few languages) is dropped.
 */
final class CategoryPath {
    private static final Set<String> HOME = Set.of("home", "homepage", "home page", "start", "startseite", "accueil", "inicio",
            "início", "inizio", "hem", "hjem", "thuis");

    private CategoryPath() {}

    /**
     * The levels of a category text: split on {@code >}, {@code ›} or {@code »} when it has one
     * of them, else on {@code /} (so "T-Shirts > Men/Women" keeps "Men/Women" whole); each level
     * stripped, empty ones dropped. A URL is not a category path: empty.
     */
    static List<String> split(String text) {
        if (text == null || WebUrls.isHttp(text)) {
            return List.of();
        }
        String separators = text.indexOf('>') >= 0 || text.indexOf('›') >= 0 || text.indexOf('»') >= 0 ? ">›»" : "/";
        List<String> levels = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || separators.indexOf(text.charAt(i)) >= 0) {
                String level = Prices.strip(text.substring(start, i));
                if (!level.isEmpty()) {
                    levels.add(level);
                }
                start = i + 1;
            }
        }
        if (!levels.isEmpty() && isHome(levels.getFirst())) {
            levels.removeFirst();
        }
        return levels;
    }

    /** Whether a crumb's or level's name stands for the site's home page. */
    static boolean isHome(String name) {
        return HOME.contains(name.strip().toLowerCase(Locale.ROOT));
    }
}

package dev.trawl.internal.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class AppShellTest {

    private static boolean shell(String html) {
        return AppShell.looksRendered(Jsoup.parse(html));
    }

    @Test
    void anEmptyMountPointWithScriptsIsAnAppShell() {
        String text = "<p>" + "Lorem ipsum dolor sit amet. ".repeat(40) + "</p>";
        assertTrue(shell("<html><body><nav>Home</nav><div id=\"app\"></div>" + text + "<script src=\"/app.js\"></script></body></html>"));
        assertTrue(shell("<body><div id=\"__next\"> </div><script>boot()</script></body>"));
        assertTrue(shell("<body><app-root></app-root><script src=main.js></script></body>"));
    }

    @Test
    void littleTextWithScriptsIsAnAppShell() {
        assertTrue(shell("<body><header>Shop</header><main class=\"x\"></main><script>" + "var a=1;".repeat(500) + "</script>"
                + "<noscript>" + "You need to enable JavaScript to run this app. ".repeat(20) + "</noscript></body>"));
    }

    @Test
    void aPageWithTextOrWithoutScriptsIsNot() {
        String text = "<p>" + "Lorem ipsum dolor sit amet. ".repeat(40) + "</p>";
        assertFalse(shell("<body><div id=\"app\"><h1>Kettle</h1></div>" + text + "<script>track()</script></body>"));
        assertFalse(shell("<body><div id=\"app\"></div></body>"), "no script: nothing would build it");
        assertFalse(shell("<body><h1>Access denied</h1>" + text + "<script>x()</script></body>"));
    }
}

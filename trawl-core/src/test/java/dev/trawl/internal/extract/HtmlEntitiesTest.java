package dev.trawl.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlEntitiesTest {

    @Test
    void decodesTheNamedReferencesShopsLeaveInJson() {
        assertEquals("Tom & Jerry \"Deluxe\" it's <new> it's\u00a0now",
                HtmlEntities.decode("Tom &amp; Jerry &quot;Deluxe&quot; it&apos;s &lt;new&gt; it&#39;s&nbsp;now"));
    }

    @Test
    void decodesTheUpperCaseFormsHtmlAlsoDefines() {
        assertEquals("& \" < >", HtmlEntities.decode("&AMP; &QUOT; &LT; &GT;"));
    }

    @Test
    void decodesDecimalAndHexadecimalReferences() {
        assertEquals("caf\u00e9 \u2013 \u00e9 \ud83d\ude00", HtmlEntities.decode("caf&#233; &#8211; &#xE9; &#X1F600;"));
    }

    @Test
    void readsReferencesToTheC1RangeAsWindows1252LikeBrowsers() {
        assertEquals("\u20ac \u2019 \u2122 \u0081", HtmlEntities.decode("&#128; &#146; &#x99; &#129;"));
    }

    @Test
    void leavesAnythingElseAsWritten() {
        for (String s : new String[] {"AT&T", "a & b", "&unknown;", "&;", "&#;", "&#x;", "&#12a;", "&#xZZ;", "&#0;", "&#xD800;",
                "&#1114112;", "&#99999999999;", "&#-5;", "&#+5;", "&#\u0665;", "&amp", "&ampersandsarelong;", "&Amp;"}) {
            assertEquals(s, HtmlEntities.decode(s), s);
        }
    }

    @Test
    void decodesOnePassOnlyAndReturnsTextWithoutReferencesAsItIs() {
        assertEquals("&amp; &lt;", HtmlEntities.decode("&amp;amp; &amp;lt;"));
        String plain = "no references";
        assertSame(plain, HtmlEntities.decode(plain));
    }
}

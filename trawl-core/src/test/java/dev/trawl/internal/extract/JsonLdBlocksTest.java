package dev.trawl.internal.extract;

import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLdBlocksTest {

    @Test
    void findsBlocksWhateverTheQuotingCaseSpacingAndAttributeOrder() {
        String html = """
                <html><head>
                <script type="application/ld+json">{"n":1}</script>
                <script type='application/ld+json'>{"n":2}</script>
                <script type=application/ld+json>{"n":3}</script>
                <SCRIPT TYPE="APPLICATION/LD+JSON">{"n":4}</SCRIPT>
                <script id="x" data-a='1' async type = "application/ld+json; charset=utf-8" nonce=abc>{"n":5}</script >
                <script
                  type="application/ld+json"
                  class="yoast-schema-graph">{"n":6}</script>
                <ScRiPt tYpE=" application/ld+json ">{"n":7}</sCrIpT>
                </head></html>""";
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}", "{\"n\":6}", "{\"n\":7}"), JsonLdBlocks.find(html));
    }

    @Test
    void ignoresOtherScriptTypesAndLookalikes() {
        String html = """
                <script>{"n":"no type"}</script>
                <script type="text/javascript">{"n":"js"}</script>
                <script type="application/json">{"n":"json"}</script>
                <script type="application/ld+jsonp">{"n":"longer type"}</script>
                <script data-type="application/ld+json">{"n":"data attribute"}</script>
                <script title="type=application/ld+json">{"n":"inside a value"}</script>
                <scripts type="application/ld+json">{"n":"other tag"}</scripts>
                <script type="text/template"><script type="application/ld+json">{"n":"inside another script"}</script>
                <div data-json='{"@type":"Product"}'>application/ld+json</div>""";
        assertEquals(List.of(), JsonLdBlocks.find(html));
    }

    @Test
    void aScriptStringThatLooksLikeATagDoesNotStartABlock() {
        String html = """
                <script>document.write('<script type="application/ld+json">{"n":"written"}<\\/script>');</script>
                <script type="application/ld+json">{"n":"real"}</script>""";
        assertEquals(List.of("{\"n\":\"real\"}"), JsonLdBlocks.find(html));
    }

    @Test
    void aGreaterThanSignInsideAQuotedAttributeDoesNotEndTheTag() {
        assertEquals(List.of("{\"n\":1}"), JsonLdBlocks.find("<script data-x=\"a>b\" type=\"application/ld+json\">{\"n\":1}</script>"));
    }

    @Test
    void theFirstOfTwoTypeAttributesCounts() {
        assertEquals(List.of(), JsonLdBlocks.find("<script type=\"text/plain\" type=\"application/ld+json\">{}</script>"));
    }

    @Test
    void stripsCdataAndCommentWrappersInsideTheScript() {
        String html = """
                <script type="application/ld+json"><!--
                {"n":1}
                --></script>
                <script type="application/ld+json"><![CDATA[ {"n":2} ]]></script>
                <script type="application/ld+json">
                //<![CDATA[
                {"n":3}
                //]]>
                </script>
                <script type="application/ld+json">/*<![CDATA[*/{"n":4}/*]]>*/</script>
                <script type="application/ld+json"><!--//--><![CDATA[//><!--
                {"n":5}
                //--><!]]></script>""";
        List<String> blocks = JsonLdBlocks.find(html);
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}"), blocks.subList(0, 4));
        assertTrue(blocks.get(4).contains("{\"n\":5}"), "Drupal's wrapper is left to the JSON parser's comment handling: " + blocks.get(4));
    }

    @Test
    void ignoresBlocksInsideHtmlComments() {
        String html = """
                <!-- <script type="application/ld+json">{"n":"commented out"}</script> -->
                <!--> <script type="application/ld+json">{"n":1}</script>
                <!--[if IE]><script type="application/ld+json">{"n":"conditional"}</script><![endif]-->
                <script type="application/ld+json">{"n":2}</script>""";
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), JsonLdBlocks.find(html));
    }

    @Test
    void aScriptWithoutAClosingTagRunsToTheEndOfThePage() {
        assertEquals(List.of("{\"n\":1}"), JsonLdBlocks.find("<p>x</p><script type=application/ld+json>\n{\"n\":1}\n"));
        assertEquals(List.of(), JsonLdBlocks.find("<p>x</p><script type=\"application/ld+json\" "), "a start tag that never closes is not a tag");
        assertEquals(List.of(), JsonLdBlocks.find("<script type=\"application/ld+json>{}</script>"), "nor is one whose quote never closes");
        assertEquals(List.of(), JsonLdBlocks.find("<!-- never closed <script type=\"application/ld+json\">{}</script>"));
    }

    @Test
    void skipsEmptyBlocksAndFindsNothingInPagesWithoutAny() {
        assertEquals(List.of(), JsonLdBlocks.find(
                "<script type=\"application/ld+json\" src=\"/ld.json\"></script><script type=\"application/ld+json\"> \n </script>"));
        assertEquals(List.of(), JsonLdBlocks.find(""));
        assertEquals(List.of(), JsonLdBlocks.find("<"));
        assertEquals(List.of(), JsonLdBlocks.find("<script"));
        assertEquals(List.of(), JsonLdBlocks.find("no markup at all"));
    }

    @Test
    void rangesAreOffsetsIntoTheText() {
        String html = "<p>é</p><script type=\"application/ld+json\"> {\"n\":1} </script>";
        JsonLdBlocks.Range r = JsonLdBlocks.ranges(html).getFirst();
        assertEquals(html.indexOf('{'), r.start());
        assertEquals(html.indexOf('}') + 1, r.end());
    }

    @Test
    void recognisesTheJsonLdMediaTypeWithParametersOnly() {
        assertTrue(JsonLdBlocks.isJsonLd("application/ld+json"));
        assertTrue(JsonLdBlocks.isJsonLd("Application/LD+JSON;charset=utf-8"));
        assertTrue(JsonLdBlocks.isJsonLd("\tapplication/ld+json ; profile=x"));
        assertFalse(JsonLdBlocks.isJsonLd(null));
        assertFalse(JsonLdBlocks.isJsonLd(""));
        assertFalse(JsonLdBlocks.isJsonLd("application/ld+jsonx"));
        assertFalse(JsonLdBlocks.isJsonLd("application/json"));
        assertFalse(JsonLdBlocks.isJsonLd("text/application/ld+json"));
    }
}

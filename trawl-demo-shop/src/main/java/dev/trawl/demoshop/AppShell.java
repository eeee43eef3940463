package dev.trawl.demoshop;

import java.time.Duration;

/**
 * The product page of a {@link Markup#JS} product: an app shell as client-rendered shops serve
 * it. Its HTML has the shared head (title "Demo Shop", viewport, canonical link), the navigation,
 * an empty {@code <div id="app"></div>} and an inline bundle, and nothing a crawler reads as a
 * product: no JSON-LD, no microdata, no og: or product:price meta, no price text. In a browser,
 * {@link #BUNDLE} waits the shop's render delay ({@code setTimeout}), fetches
 * {@code /api/products/{id}.json} ({@link ProductApi}) and builds the breadcrumbs and the product
 * box with the classes {@link ProductBox} writes (so a selector recipe reads the rendered DOM as
 * it reads a server-rendered page), then, last, attaches the Product JSON-LD a {@link Markup#JSON_LD}
 * page carries, exactly as {@link ProductJsonLd} writes it. When the product appears, the box is
 * already there, and {@code #app} gets {@code data-state="ready"} ({@code "error"} if the fetch failed).
 * The bundle spells the script type in two pieces, so that the shell's HTML holds no {@code ld+json} at all.
 *
 * <p>A shell is not its product's {@link CatalogueProduct#pageBytes()} long: it is about 13 KB,
 * the same for every product but for its canonical link and its config line.
 */
final class AppShell {
    /**
     * The app, as a bundler would leave it: a small runtime (element helper, store, modules)
     * with a cart, analytics and the product view, which renders when its data has come.
     */
    static final String BUNDLE = """
            (function(){"use strict";
            var modules={},cache={};
            function define(n,f){modules[n]=f}
            function require(n){if(cache[n])return cache[n].exports;var m=cache[n]={exports:{}};modules[n](m,m.exports,require);return m.exports}
            define("dom",function(m){
              function h(tag,attrs){var e=document.createElement(tag);if(attrs)for(var k in attrs){if(attrs[k]==null)continue;
                if(k==="text")e.textContent=attrs[k];else if(k==="cls")e.className=attrs[k];else e.setAttribute(k,attrs[k])}
                for(var i=2;i<arguments.length;i++){var c=arguments[i];if(c==null)continue;e.appendChild(typeof c==="string"?document.createTextNode(c):c)}
                return e}
              m.exports={h:h,nl:function(){return document.createTextNode("\\n")}};
            });
            define("store",function(m){
              var state={},subs=[];
              m.exports={get:function(k){return state[k]},set:function(k,v){state[k]=v;for(var i=0;i<subs.length;i++)subs[i](k,v)},
                subscribe:function(f){subs.push(f)}};
            });
            define("analytics",function(m,e,require){
              var store=require("store"),queue=window.dataLayer||(window.dataLayer=[]);
              store.subscribe(function(k,v){if(k==="product"&&v)queue.push({event:"view_item",item_id:v.sku})});
              m.exports={track:function(name,data){queue.push({event:name,data:data})}};
            });
            define("cart",function(m,e,require){
              var store=require("store"),analytics=require("analytics");
              store.set("cart",{count:0,items:[]});
              document.addEventListener("submit",function(ev){var f=ev.target;if(!f||f.getAttribute("action")!=="/cart/add")return;
                ev.preventDefault();var c=store.get("cart");c.count++;c.items.push(f.elements.id.value);store.set("cart",c);
                analytics.track("add_to_cart",{id:f.elements.id.value});
                var link=document.querySelector("a.cart");if(link)link.textContent="Cart ("+c.count+")"});
              m.exports={};
            });
            define("product-view",function(m,e,require){
              var dom=require("dom"),h=dom.h,nl=dom.nl;
              function box(d){
                var v=d.view,info=h("div",{cls:"info"},
                  h("h1",{cls:"product-title",text:d.name}),nl(),
                  h("div",{cls:"product-brand",text:d.brand}),nl(),
                  h("span",{cls:"product-sku",text:"SKU: "+d.sku}),nl(),
                  h("div",{cls:"price-box"},v.list_price?h("del",{cls:"price-was",text:v.list_price}):null,v.list_price?" ":null,
                    h("span",{cls:"price-now",text:v.price})),nl(),
                  h("span",{cls:"stock",text:v.stock}),nl());
                if(v.rating)info.appendChild(h("div",{cls:"rating"},h("span",{cls:"rating-value",text:v.rating})," out of 5, ",
                  h("span",{cls:"review-count",text:v.review_count})," reviews"));
                if(v.sizes&&v.sizes.length){var sel=h("select",{name:"size",cls:"variant-select"});
                  for(var i=0;i<v.sizes.length;i++)sel.appendChild(h("option",{value:v.sizes[i].sku,text:v.sizes[i].label}));
                  info.appendChild(h("label",null,"Size ",sel))}
                info.appendChild(h("form",{action:"/cart/add",method:"post"},h("input",{type:"hidden",name:"id",value:String(d.id)}),
                  h("button",{type:"submit",cls:"add",text:"Add to cart"})));
                return h("div",{cls:"product"},h("div",{cls:"gallery"},h("img",{src:d.images[0],alt:d.name,width:"800",height:"800"})),nl(),info);
              }
              function specs(d){return h("table",{cls:"specs"},h("tr",null,h("th",{text:"Brand"}),h("td",{text:d.brand})),
                h("tr",null,h("th",{text:"Category"}),h("td",{text:d.view.category})),h("tr",null,h("th",{text:"Item"}),h("td",{text:String(d.id)})))}
              function render(app,d){
                var v=d.view;
                app.appendChild(h("ol",{cls:"breadcrumbs"},h("li",null,h("a",{href:"/",text:"Home"})),
                  h("li",null,h("a",{href:v.category_href,text:v.category_label})),h("li",{text:d.name})));
                app.appendChild(box(d));
                app.appendChild(h("section",{cls:"description"},h("p",{text:v.description})));
                app.appendChild(specs(d));
                var ld=document.createElement("script");ld.type="application/ld"+"+json";ld.text="\\n"+d.json_ld+"\\n";
                app.appendChild(ld);
                document.title=d.name+" | Demo Shop";
              }
              m.exports={render:render};
            });
            function boot(){
              var cfg=window.__SHOP__||{},app=document.getElementById("app"),store=require("store");
              require("cart");require("analytics");
              app.setAttribute("data-state","loading");
              setTimeout(function(){
                fetch(cfg.api,{headers:{accept:"application/json"},credentials:"same-origin"})
                  .then(function(r){if(!r.ok)throw new Error("HTTP "+r.status);return r.json()})
                  .then(function(d){store.set("product",d);require("product-view").render(app,d);app.setAttribute("data-state","ready")})
                  .catch(function(err){app.setAttribute("data-state","error");app.textContent="Could not load this product ("+err.message+")."});
              },cfg.renderDelayMs||0);
            }
            if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",boot);else boot();
            })();
            """;

    private final long delayMillis;

    AppShell(Duration renderDelay) {
        this.delayMillis = renderDelay.toMillis();
    }

    /** Appends the shell of {@code p}; {@code base} is the shop's URL without its final slash. */
    void render(PageBuffer b, CatalogueProduct p, String base) {
        Pages.open(b, "Demo Shop");
        b.add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"canonical\" href=\"")
                .add(base).add(p.path()).add("\">\n").add(Pages.HEAD_END).add(Pages.NAV)
                .add("<main id=\"main\"><div id=\"app\"></div>\n<noscript>This shop needs JavaScript to show its products.</noscript></main>\n")
                .add("<script>window.__SHOP__={\"api\":\"").add(ProductApi.path(p.id())).add("\",\"renderDelayMs\":").add(delayMillis)
                .add("};</script>\n<script>\n").add(BUNDLE).add("</script>\n</body></html>\n");
    }
}

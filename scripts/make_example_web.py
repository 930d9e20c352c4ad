#!/usr/bin/env python3
"""Writes the web part of the example corpus: examples/web/tornby-times-crawl.warc.gz (a crawl of
the fictional Tornby Times' site, one gzip member per record, as crawlers write .warc.gz) and
examples/web/tornby-times.rss (its RSS feed).

The articles are ours and fictional, like the rest of examples/ (see examples/README.md). The
pages carry what real news pages carry around an article (a cookie banner, navigation, a share
bar, a figure with its caption, related links, a comment thread, a newsletter box, a footer),
and the crawl what real crawls hold besides pages (warcinfo, requests, a redirect, a missing
page, a section front of links only, a style sheet, an image, robots.txt), so that reading them
exercises what a user's own crawl would. Output is byte-for-byte reproducible:

    python3 scripts/make_example_web.py            # rewrites examples/web/
"""
import gzip
import html
import json
import os
import sys
import uuid

SITE = "https://tornbytimes.example"
OUTLET = "Tornby Times"

# Each article: slug, headline, author, ISO date-time (None: the page gives none), paragraphs.
ARTICLES = {
    "bridge-closed": dict(
        path="/news/2025/sorrel-bridge-closed-cracks",
        headline="Sorrel Bridge closed after engineers find cracks in main span",
        author="Maja Lindgren",
        published="2025-03-10T09:15:00+01:00",
        paragraphs=[
            "Tornby county closed the Sorrel Bridge over the river Vessa to all traffic on Monday morning after "
            "engineers found cracks in a steel girder of its main span during a routine inspection.",
            "County engineer Mats Ekholm said the cracks, the longest of them about 40 centimetres, were found on "
            "Sunday evening on the underside of the span nearest the east bank. \"We cannot say yet how deep they "
            "go, and until we can, nobody crosses,\" Ekholm told reporters at the western approach.",
            "About 18,000 vehicles a day use the bridge, which links the town centre with the east bank "
            "districts and the industrial harbour. Buses are being diverted over the Northern Ring Road, adding "
            "up to 25 minutes to journeys at peak times. Pedestrians and cyclists are also barred.",
            "The bridge, built in 1968, was last strengthened in 2009. The county council's transport committee "
            "will hold an emergency meeting on Tuesday to decide on repairs and on a temporary crossing for "
            "pedestrians.",
        ],
        figure="Barriers close the western approach to the Sorrel Bridge on Monday.",
    ),
    "bridge-april": dict(
        path="/news/2025/sorrel-bridge-shut-until-april",
        headline="Sorrel Bridge to stay shut until mid-April as repairs are ordered",
        author="Maja Lindgren",
        published="2025-03-12T16:40:00+01:00",
        paragraphs=[
            "The Sorrel Bridge in Tornby will stay closed until at least April 14, the county council decided on "
            "Wednesday, after ultrasound tests showed that two of the cracks in its main span run through the "
            "full thickness of a girder.",
            "The council's transport committee awarded an emergency contract of 6.2 million crowns to Brakstad "
            "Construction to bolt steel plates across the damaged girder and replace two bearings. County "
            "engineer Mats Ekholm said work would start on Monday and continue around the clock.",
            "\"The bridge is not going to fall down, but it is not going to carry a lorry either until the plates "
            "are on,\" Ekholm said. He said the cracks were most likely caused by fatigue in welds that dated from "
            "the bridge's construction in 1968.",
            "A temporary footbridge for pedestrians and cyclists will be floated into place beside the Sorrel "
            "Bridge by the weekend. Buses will keep using the Northern Ring Road diversion, and the county has "
            "asked employers on the east bank to stagger working hours.",
        ],
        figure="Engineers test a girder under the Sorrel Bridge on Wednesday.",
    ),
    "rovers-trust": dict(
        path="/sport/rovers-trust-backs-league-petition",
        headline="Rovers trust members back petition to league over Halden Park",
        author="Henrik Vold",
        published=None,  # the page carries no date: its feed item does
        paragraphs=[
            "Members of the Rovers Supporters' Trust voted overwhelmingly to send their petition on the future "
            "of Halden Park to the national football league, a day after Aldo Mercer offered fans a seat on the "
            "Rovers FC board but no guarantee on the stadium.",
            "Trust chair Oskar Brenna said 91 percent of the members who voted had backed the move. \"A seat at "
            "the table is welcome, but a seat is not a promise,\" Brenna said. \"We are asking the league to make "
            "the stadium a condition of the takeover.\"",
            "The petition, signed by 4,600 members, asks the league to require Northgate Sports Partners, "
            "Mercer's investor group, to keep Halden Park as the club's home for at least ten years and not to "
            "borrow against it.",
            "The league's board is due to rule on the takeover this week. A spokesman for Northgate said the "
            "group had \"no plans\" to sell or move the stadium and would keep talking to supporters.",
        ],
        figure="Supporters outside the main stand at Halden Park.",
    ),
    "ferry-officers": dict(
        path="/news/2025/kestrel-bay-officers-interviewed",
        headline="Kestrel Bay officers questioned as Marta Linde inquiry widens",
        author="Maja Lindgren",
        published="2025-03-05T18:20:00+01:00",
        paragraphs=[
            "Investigators from the Nordmark Maritime Authority on Wednesday questioned the officers of the "
            "Kestrel Bay, the bulk carrier struck by the ferry Marta Linde in fog off Karsholm on Monday.",
            "Jens Aukrust, head of accident investigation at the authority, said the interviews, held with "
            "interpreters aboard the ship, had focused on radio contact between the two vessels and the port's "
            "vessel traffic centre in the minutes before the collision.",
            "\"We now have the voyage data from both ships and the radar recordings from the port. The picture "
            "is getting clearer, but it is too early to say why the two ships were where they were,\" Aukrust "
            "said.",
            "The Kestrel Bay, which was anchored in the roads awaiting a berth, has been allowed to enter "
            "Karsholm harbour to unload. Nordline Ferries said the Marta Linde would stay in dock for repairs to "
            "its bow for at least three weeks.",
        ],
        figure="The Kestrel Bay at anchor outside Karsholm.",
    ),
}

# Feed items that are not pages of the crawl.
FEED_ONLY = [
    dict(
        guid="tt-2025-0313-east-bank-traders",
        path="/news/2025/east-bank-traders-sorrel-bridge",
        headline="East bank traders count the cost of Sorrel Bridge closure",
        published="Thu, 13 Mar 2025 12:30:00 +0100",
        paragraphs=[
            "Shops and cafes on Tornby's east bank say trade has fallen by as much as half since the Sorrel "
            "Bridge was closed on Monday, and some are asking the county for help with their rent.",
            "\"On a normal Thursday the lunchtime queue goes out of the door. Today I had six customers,\" said "
            "Ruth Sandvik, who runs a bakery at the eastern end of the bridge.",
            "The county council said it would discuss support for businesses once the cost of the repairs, put "
            "at 6.2 million crowns, was known. County engineer Mats Ekholm repeated that the bridge should reopen "
            "by mid-April, when Brakstad Construction has finished strengthening the cracked girder.",
        ],
    ),
    dict(
        guid="tt-2025-0311-sollen-tankers",
        path="/news/2025/tornby-water-tankers-sollen-valley",
        headline="Tornby water utility sends tankers to rationed Sollen Valley",
        published="Tue, 11 Mar 2025 08:10:00 +0100",
        paragraphs=[
            "Tornby's municipal water utility is sending six tanker lorries to the Sollen Valley, where drought "
            "has forced water rationing, after a request from the regional crisis team.",
            "The tankers will carry about 180,000 litres a day to villages that depend on the Hollum Reservoir, "
            "which fell to a record low for early March. The utility said Tornby's own supply was not at risk.",
            "Minister Petra Lund, who promised emergency aid on a visit to the valley at the weekend, thanked the "
            "utility and said the government would pay for the transport.",
        ],
    ),
]

# Feed items that link to pages of the crawl: the pages are read instead (their full text).
FEED_LINKED = [
    ("bridge-closed", "Mon, 10 Mar 2025 09:15:00 +0100",
     "Engineers found cracks in a girder of the bridge over the Vessa."),
    ("rovers-trust", "Wed, 12 Mar 2025 17:05:00 +0100",
     "Supporters want the stadium made a condition of the takeover."),
]

BOILERPLATE_HEAD = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Tornby Times</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Tornby Times">
<meta property="og:type" content="article">
<meta name="author" content="{author}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/site.css">
{jsonld}<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "{section}"}});</script>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to measure our audience and to show you
relevant advertising. By continuing to browse the site you agree to our use of cookies.</p>
<button>Accept all</button> <button>Settings</button></div>
<header class="site-header"><a class="logo" href="/">Tornby Times</a>
<nav class="main-nav"><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li>
<li><a href="/business/">Business</a></li><li><a href="/culture/">Culture</a></li>
<li><a href="/opinion/">Opinion</a></li></ul></nav></header>
<main>
"""

BOILERPLATE_TAIL = """<aside class="related-articles"><h2>More from Tornby Times</h2><ul>
<li><a href="/news/2025/harbour-cranes">New cranes for the industrial harbour</a></li>
<li><a href="/culture/2025/spring-concerts">Spring concert season opens at the Tornby Concert Hall</a></li>
<li><a href="/sport/2025/ice-hockey-final">Tornby Hawks reach the ice hockey final</a></li>
</ul></aside>
<section class="comments" id="comments"><h2>Comments (2)</h2>
<div class="comment"><p class="comment-author">riverside_anna</p><p>Every spring there is something. When will
the county finally plan ahead instead of running after the problems?</p></div>
<div class="comment"><p class="comment-author">Per H.</p><p>Good reporting, thank you.</p></div>
</section>
<div class="newsletter-signup"><h3>The morning briefing</h3><p>The day's news from Tornby and the region
in your inbox at 7 a.m., every weekday.</p><form><input type="email" placeholder="Your email"><button>Sign
up</button></form></div>
</main>
<footer class="site-footer"><p>Tornby Times, Storgata 12, Tornby. Editor-in-chief: Signe Aasen.</p>
<p><a href="/about">About us</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy</a> |
<a href="/terms">Terms of use</a></p><p>&copy; 2025 Tornby Times</p></footer>
</body>
</html>
"""


def page_html(a):
    url = SITE + a["path"]
    section = a["path"].split("/")[1]
    jsonld = ""
    if a["published"]:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a["headline"],
            "datePublished": a["published"],
            "author": {"@type": "Person", "name": a["author"]},
            "publisher": {"@type": "Organization", "name": OUTLET},
        }
        jsonld = '<script type="application/ld+json">' + json.dumps(data) + "</script>\n"
    out = BOILERPLATE_HEAD.format(title=html.escape(a["headline"]), author=a["author"], url=url, jsonld=jsonld,
                                  section=section)
    out += "<article class=\"story\">\n<h1>" + html.escape(a["headline"]) + "</h1>\n"
    out += '<p class="byline">By ' + a["author"]
    if a["published"]:
        out += ' | <time datetime="' + a["published"] + '">' + a["published"][:10] + "</time>"
    out += "</p>\n"
    out += ('<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> '
            '<a href="#">Email</a> <a href="#">Copy link</a></div>\n')
    paragraphs = a["paragraphs"]
    for i, p in enumerate(paragraphs):
        out += "<p>" + html.escape(p, quote=False) + "</p>\n"
        if i == 1:
            out += ('<figure><img src="/img/' + a["path"].rsplit("/", 1)[1] + '.jpg" alt=""><figcaption>' +
                    html.escape(a["figure"]) + " Photo: Tornby Times</figcaption></figure>\n")
    out += "</article>\n"
    return out + BOILERPLATE_TAIL


def record_id(name):
    return "<urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, SITE + "/crawl/" + name)) + ">"


def warc_record(kind, uri, date, content_type, block, name):
    header = "WARC/1.0\r\nWARC-Type: " + kind + "\r\n"
    if uri:
        header += "WARC-Target-URI: " + uri + "\r\n"
    header += "WARC-Date: " + date + "\r\nWARC-Record-ID: " + record_id(name) + "\r\n"
    header += "Content-Type: " + content_type + "\r\nContent-Length: " + str(len(block)) + "\r\n\r\n"
    return header.encode() + block + b"\r\n\r\n"


def http_response(status, reason, media_type, body, extra=""):
    head = "HTTP/1.1 %d %s\r\nServer: nginx\r\nContent-Type: %s\r\n%s" % (status, reason, media_type, extra)
    if "Transfer-Encoding" not in extra:
        head += "Content-Length: %d\r\n" % len(body)
    return head.encode() + b"\r\n" + body


def chunked(body, size=1500):
    out = b""
    for i in range(0, len(body), size):
        piece = body[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def crawl():
    records = []
    date = "2025-03-13T06:00:%02dZ"
    tick = [0]

    def add(kind, uri, content_type, block, name):
        records.append(warc_record(kind, uri, date % tick[0], content_type, block, name))
        tick[0] += 1

    add("warcinfo", "", "application/warc-fields",
        b"software: storydesk example crawl\r\nformat: WARC File Format 1.0\r\n"
        b"description: A crawl of the fictional Tornby Times, written for storydesk's examples\r\n", "warcinfo")

    def fetch(path, response, name):
        uri = SITE + path
        add("request", uri, "application/http; msgtype=request",
            ("GET %s HTTP/1.1\r\nHost: tornbytimes.example\r\nUser-Agent: example-crawler\r\n\r\n" % path).encode(),
            name + "-request")
        add("response", uri, "application/http; msgtype=response", response, name)

    fetch("/robots.txt", http_response(200, "OK", "text/plain", b"User-agent: *\nAllow: /\n"), "robots")
    # The home page over http redirects to https.
    add("response", "http://tornbytimes.example/", "application/http; msgtype=response",
        http_response(301, "Moved Permanently", "text/html", b"", "Location: https://tornbytimes.example/\r\n"),
        "redirect")
    links = "".join('<li><a href="%s">%s</a></li>' % (a["path"], html.escape(a["headline"])) for a in ARTICLES.values())
    front = ("<!doctype html><html lang=\"en\"><head><title>News | Tornby Times</title></head><body>"
             "<nav><a href=\"/\">Tornby Times</a></nav><h1>News</h1><ul>" + links + "</ul></body></html>").encode()
    fetch("/news/", http_response(200, "OK", "text/html; charset=utf-8", front), "front")
    codings = {"bridge-closed": "plain", "bridge-april": "gzip", "rovers-trust": "chunked", "ferry-officers": "plain"}
    for name, a in ARTICLES.items():
        body = page_html(a).encode()
        if codings[name] == "gzip":
            response = http_response(200, "OK", "text/html; charset=utf-8", gzip.compress(body, mtime=0),
                                     "Content-Encoding: gzip\r\n")
        elif codings[name] == "chunked":
            response = http_response(200, "OK", "text/html; charset=utf-8", chunked(body),
                                     "Transfer-Encoding: chunked\r\n")
        else:
            response = http_response(200, "OK", "text/html; charset=utf-8", body)
        fetch(a["path"], response, name)
    fetch("/static/site.css", http_response(200, "OK", "text/css", b"body { font-family: serif; }\n"), "css")
    fetch("/img/sorrel-bridge-closed-cracks.jpg",
          http_response(200, "OK", "image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(64)) + b"\xff\xd9"),
          "image")
    missing = b"<!doctype html><html><head><title>Page not found</title></head><body><h1>Page not found</h1>" \
              b"<p>The page you asked for is not here.</p></body></html>"
    fetch("/news/2024/old-story", http_response(404, "Not Found", "text/html", missing), "missing")
    return b"".join(gzip.compress(r, mtime=0) for r in records)


def feed():
    items = []
    for name, pub, description in FEED_LINKED:
        a = ARTICLES[name]
        items.append("<item><title>%s</title><link>%s</link><guid isPermaLink=\"true\">%s</guid>"
                     "<pubDate>%s</pubDate><dc:creator>%s</dc:creator><description>%s</description></item>" %
                     (html.escape(a["headline"]), SITE + a["path"], SITE + a["path"], pub, a["author"],
                      html.escape(description)))
    for f in FEED_ONLY:
        content = "".join("<p>%s</p>" % html.escape(p, quote=False) for p in f["paragraphs"])
        items.append("<item><title>%s</title><link>%s</link><guid isPermaLink=\"false\">%s</guid>"
                     "<pubDate>%s</pubDate><description>%s</description>"
                     "<content:encoded><![CDATA[%s]]></content:encoded></item>" %
                     (html.escape(f["headline"]), SITE + f["path"], f["guid"], f["published"],
                      html.escape(f["paragraphs"][0]), content))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            '<channel>\n<title>Tornby Times</title>\n<link>https://tornbytimes.example/</link>\n'
            '<description>News from Tornby and the region</description>\n<language>en</language>\n' +
            "\n".join(items) + "\n</channel>\n</rss>\n").encode()


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "web")
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "tornby-times-crawl.warc.gz"), "wb") as out:
        out.write(crawl())
    with open(os.path.join(root, "tornby-times.rss"), "wb") as out:
        out.write(feed())
    for name in ARTICLES:
        print(name, record_id(name)[10:-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())

package dev.byline.feeds;

/** Feed documents for the tests: what newsrooms publish, and what a hostile feed might send. */
final class FeedXml {

    private FeedXml() {
    }

    /** RSS 2.0 with full text in content:encoded, HTML in it, a guid that is not a permalink. */
    static String rss(String guid, String title, String html, String pubDate) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>Example News: World</title>
                    <link>https://news.example/world</link>
                    <description>World news</description>
                    <item>
                      <title>%s</title>
                      <link>https://news.example/world/harbour</link>
                      <guid isPermaLink="false">%s</guid>
                      <dc:creator>Ana Reporter</dc:creator>
                      <pubDate>%s</pubDate>
                      <description>Short summary only.</description>
                      <content:encoded><![CDATA[%s]]></content:encoded>
                    </item>
                  </channel>
                </rss>
                """.formatted(title, guid, pubDate, html);
    }

    /** Atom 1.0: one entry with content, one with only a summary. */
    static String atom(String summaryLink) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Atom Gazette</title>
                  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                  <updated>2026-11-30T18:30:02Z</updated>
                  <entry>
                    <title>Council approves the new tram line</title>
                    <link href="https://gazette.example/tram"/>
                    <id>tag:gazette.example,2026:tram</id>
                    <published>2026-11-30T09:15:00Z</published>
                    <updated>2026-11-30T10:00:00Z</updated>
                    <author><name>Bo Writer</name></author>
                    <content type="html">&lt;p&gt;The city council approved the new tram line on Monday.&lt;/p&gt;&lt;p&gt;Works begin in spring.&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <title>Library opens late on Fridays</title>
                    <link href="%s"/>
                    <id>tag:gazette.example,2026:library</id>
                    <updated>2026-11-29T08:00:00Z</updated>
                    <summary>The central library will open late.</summary>
                  </entry>
                </feed>
                """.formatted(summaryLink);
    }

    /** An external entity pointing at a local file: must never be read into an article. */
    static String xxe(String fileUrl) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [ <!ENTITY secret SYSTEM "%s"> ]>
                <rss version="2.0"><channel><title>Hostile</title><link>https://hostile.example/</link><description>x</description>
                <item><title>Leak</title><link>https://hostile.example/leak</link><guid>https://hostile.example/leak</guid>
                <description>&secret;</description></item></channel></rss>
                """.formatted(fileUrl);
    }

    /** Billion laughs: nested entities that would expand to gigabytes. */
    static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return "<?xml version=\"1.0\"?><!DOCTYPE rss [" + dtd + "]><rss version=\"2.0\"><channel><title>&lol9;</title>"
                + "<link>https://hostile.example/</link><description>x</description></channel></rss>";
    }
}

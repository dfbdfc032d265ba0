package dev.byline.feeds;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local newsroom serving feeds (WireMock on 127.0.0.1, addressed as {@code localhost}), and Byline configured to follow
 * them with its schedule off: the tests poll each feed themselves, so no test waits on the clock.
 */
public class FakeFeeds implements QuarkusTestResourceLifecycleManager {

    /** The feeds, by name; each is served at {@code /<name>.xml}. */
    static final List<String> NAMES = List.of("rss", "atom", "broken", "healthy", "hostile", "updates", "late");

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            config.put("byline.ingest.feeds[" + i + "].url", server.baseUrl() + "/" + NAMES.get(i) + ".xml");
            config.put("byline.ingest.feeds[" + i + "].name", NAMES.get(i));
        }
        config.put("byline.ingest.feeds[0].source", "Example News");
        config.put("byline.ingest.feed-fetch.schedule", "false");
        config.put("byline.ingest.feed-fetch.timeout", "2s");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}

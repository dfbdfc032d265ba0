package dev.byline.feeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTest {

    /** Names resolve as their first label says, so the test does not depend on DNS. */
    private static final AddressPolicy.Resolver FAKE_DNS = host -> switch (host) {
        case "public.example" -> new InetAddress[]{InetAddress.getByName("93.184.216.34")};
        case "intranet.example" -> new InetAddress[]{InetAddress.getByName("10.1.2.3")};
        case "both.example" -> new InetAddress[]{InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")};
        case "feeds.internal" -> new InetAddress[]{InetAddress.getByName("192.168.1.5")};
        default -> {
            if (host.matches("[0-9a-fA-F:.]+")) {
                yield new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
    };

    private final AddressPolicy policy = new AddressPolicy(List.of("feeds.internal"), FAKE_DNS);

    @Test
    void should_allow_public_hosts_and_the_operators_own() {
        assertThat(policy.refusal(URI.create("https://public.example/a"))).isEmpty();
        assertThat(policy.refusal(URI.create("http://feeds.internal/rss"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/",
            "http://192.168.0.1/", "http://172.16.5.5/", "http://100.64.1.1/", "http://[::1]/", "http://[fd00::1]/",
            "http://0.0.0.0/", "https://intranet.example/wiki", "https://both.example/"})
    void should_refuse_internal_addresses_a_feed_links_to(String url) {
        assertThat(policy.refusal(URI.create(url))).get().asString().contains("internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://public.example/x", "gopher://public.example/", "https://user:pw@public.example/"})
    void should_refuse_other_schemes_and_user_info(String url) {
        assertThat(policy.refusal(URI.create(url))).isPresent();
    }

    @Test
    void should_refuse_a_host_that_does_not_resolve() {
        assertThat(policy.refusal(URI.create("https://nowhere.example/"))).contains("host not found");
    }
}

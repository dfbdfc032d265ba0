package dev.byline.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyTrustTest {

    private static final ProxyTrust LOOPBACK_PROXY = trust(ProxyTrust.Header.X_FORWARDED_FOR, "127.0.0.1", "::1");

    private static ProxyTrust trust(ProxyTrust.Header header, String... proxies) {
        return new ProxyTrust(header, ProxyTrust.ranges(List.of(proxies), new ArrayList<>()));
    }

    private static Function<String, List<String>> headers(String... nameValue) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValue.length; i += 2) {
            map.computeIfAbsent(nameValue[i], k -> new ArrayList<>()).add(nameValue[i + 1]);
        }
        return name -> map.getOrDefault(name, List.of());
    }

    @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1, 203.0.113.9           | 203.0.113.9",
            "::1, 203.0.113.9                 | 203.0.113.9",
            "127.9.9.9, 203.0.113.9           | 203.0.113.9",
            "198.51.100.1, 203.0.113.9        | 203.0.113.9",
            "203.0.113.9                      | 203.0.113.9",
            "203.0.113.9, 127.0.0.1           | 203.0.113.9",
            "unknown, 127.0.0.1               | unknown",
    })
    void should_take_the_first_untrusted_hop_from_the_right_never_the_leftmost(String chain, String client) {
        ClientAddress resolved = LOOPBACK_PROXY.resolve("127.0.0.1", headers("X-Forwarded-For", chain));

        assertThat(resolved.address()).isEqualTo(client);
        assertThat(resolved.forwarded()).isTrue();
        assertThat(resolved.isLocal()).isFalse();
    }

    @Test
    void should_read_several_header_lines_as_one_chain_in_order() {
        ClientAddress resolved = LOOPBACK_PROXY.resolve("127.0.0.1",
                headers("X-Forwarded-For", "127.0.0.1", "X-Forwarded-For", "203.0.113.9"));

        assertThat(resolved.address()).isEqualTo("203.0.113.9");
    }

    @Test
    void should_walk_past_every_trusted_proxy_in_a_cidr_block() {
        ProxyTrust twoTiers = trust(ProxyTrust.Header.X_FORWARDED_FOR, "10.0.0.0/8", "127.0.0.1");

        ClientAddress resolved = twoTiers.resolve("10.1.2.3", headers("X-Forwarded-For", "127.0.0.1, 198.51.100.7, 10.9.9.9"));

        assertThat(resolved.address()).isEqualTo("198.51.100.7");
    }

    @Test
    void should_ignore_the_headers_of_a_peer_that_is_not_a_trusted_proxy() {
        ClientAddress resolved = LOOPBACK_PROXY.resolve("203.0.113.50", headers("X-Forwarded-For", "127.0.0.1"));

        assertThat(resolved.address()).isEqualTo("203.0.113.50");
        assertThat(resolved.isLocal()).isFalse();
    }

    @ParameterizedTest(name = "Forwarded: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "for=203.0.113.9                                    | 203.0.113.9",
            "for=127.0.0.1, for=203.0.113.9;proto=https         | 203.0.113.9",
            "for=\"[::1]\", for=\"[2001:db8::17]:4711\"          | [2001:db8::17]:4711",
            "for=127.0.0.1;by=x, for=_hidden                    | _hidden",
            "for=127.0.0.1, proto=https                         | unknown",
    })
    void should_read_rfc_7239_forwarded_the_same_way(String header, String client) {
        ProxyTrust standard = trust(ProxyTrust.Header.FORWARDED, "127.0.0.1");

        ClientAddress resolved = standard.resolve("127.0.0.1", headers("Forwarded", header));

        assertThat(resolved.address()).isEqualTo(client);
        assertThat(resolved.isLocal()).isFalse();
    }

    @Test
    void should_take_the_rightmost_entry_when_forwarding_is_on_with_no_proxies_listed() {
        ProxyTrust anyPeer = trust(ProxyTrust.Header.X_FORWARDED_FOR);

        assertThat(anyPeer.resolve("10.0.0.2", headers("X-Forwarded-For", "127.0.0.1, 203.0.113.9")).address())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void should_never_call_a_forwarded_request_local_even_with_forwarding_off() {
        ClientAddress viaNginx = ProxyTrust.off().resolve("127.0.0.1", headers("X-Forwarded-For", "127.0.0.1"));
        ClientAddress viaForwarded = ProxyTrust.off().resolve("127.0.0.1", headers("Forwarded", "for=127.0.0.1"));
        ClientAddress viaRealIp = ProxyTrust.off().resolve("::1", headers("X-Real-IP", "127.0.0.1"));
        ClientAddress direct = ProxyTrust.off().resolve("127.0.0.1", headers());

        assertThat(viaNginx.isLocal()).isFalse();
        assertThat(viaForwarded.isLocal()).isFalse();
        assertThat(viaRealIp.isLocal()).isFalse();
        assertThat(direct.isLocal()).isTrue();
        assertThat(viaNginx.address()).as("forwarding off: the connection").isEqualTo("127.0.0.1");
    }

    @Test
    void should_not_trust_entries_that_are_not_ip_literals() {
        List<String> ignored = new ArrayList<>();

        List<AddressRange> ranges = ProxyTrust.ranges(List.of("10.0.0.0/8", "proxy.internal", "[::1]:8443", "1.2.3.4/40"), ignored);

        assertThat(ranges).hasSize(2);
        assertThat(ignored).containsExactly("proxy.internal", "1.2.3.4/40");
    }
}

package dev.byline.api;

import dev.byline.access.ClientAddress;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdminAccessFilterTest {

    @ParameterizedTest(name = "no keys, {0} -> {1}")
    @CsvSource({
            "127.0.0.1, 0",
            "127.8.9.10, 0",
            "0:0:0:0:0:0:0:1, 0",
            "10.0.0.5, 403",
            "192.168.1.20, 403",
            "203.0.113.7, 403",
            "localhost, 403",
            "'', 403",
    })
    void should_accept_only_loopback_clients_when_no_key_is_configured(String remote, int expected) {
        AdminAccessFilter filter = new AdminAccessFilter(List.of(), null);

        assertThat(status(filter.decide(direct(remote), null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "keys set, {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Bearer key-one-secret   | 0",
            "bearer key-two-secret   | 0",
            "Bearer key-one-secre    | 401",
            "Bearer key-one-secretX  | 401",
            "Basic a2V5LW9uZS1zZWNyZXQ= | 401",
            "key-one-secret          | 401",
            "Bearer                  | 401",
            "''                      | 401",
    })
    void should_require_a_configured_key_even_from_loopback(String authorization, int expected) {
        AdminAccessFilter filter = new AdminAccessFilter(List.of("key-one-secret", "key-two-secret"), null);

        Response refusal = filter.decide(direct("127.0.0.1"), authorization.isEmpty() ? null : authorization);

        assertThat(status(refusal)).isEqualTo(expected);
        if (refusal != null) {
            assertThat(refusal.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
            assertThat(refusal.getEntity().toString()).doesNotContain("key-one-secret");
        }
    }

    @ParameterizedTest(name = "no keys, forwarded for {0} by a proxy on loopback -> 403")
    @CsvSource({"127.0.0.1", "0:0:0:0:0:0:0:1", "203.0.113.9"})
    void should_refuse_a_forwarded_request_even_from_a_loopback_proxy(String client) {
        AdminAccessFilter filter = new AdminAccessFilter(List.of(), null);

        Response refusal = filter.decide(new ClientAddress(client, true, "127.0.0.1"), null);

        assertThat(status(refusal)).isEqualTo(403);
        assertThat(refusal.getEntity().toString()).contains("not through a proxy");
    }

    private static ClientAddress direct(String remote) {
        return new ClientAddress(remote, false, remote.isEmpty() ? null : remote);
    }

    private static int status(Response r) {
        return r == null ? 0 : r.getStatus();
    }
}

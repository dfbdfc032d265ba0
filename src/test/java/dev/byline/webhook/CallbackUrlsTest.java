package dev.byline.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
            "https                  | https://hooks.example.com/byline?token=1 | OK",
            "http with port         | http://localhost:9000/cb                 | OK",
            "file                   | file:///etc/passwd                       | must be an absolute http(s) URL",
            "relative               | /callback                                | must be an absolute http(s) URL",
            "no host                | https:///path                            | must be an absolute http(s) URL",
            "not a URI              | https://exa mple.com/                    | must be an absolute http(s) URL",
            "user info              | https://user:pw@hooks.example.com/       | must not contain user info (user:password@)",
    })
    void should_accept_only_absolute_http_urls_without_credentials(String name, String url, String refusal) {
        assertThat(new CallbackUrls(Optional.empty()).refusal(url)).isEqualTo(Optional.ofNullable(refusal));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "hooks.example.com, true",
            "HOOKS.Example.COM, true",
            "a.partner.org, true",
            "deep.a.partner.org, true",
            "partner.org, false",
            "evilpartner.org, false",
            "169.254.169.254, false",
            "example.com, false",
    })
    void should_honour_the_allow_list_with_exact_hosts_and_subdomain_wildcards(String host, boolean allowed) {
        CallbackUrls urls = new CallbackUrls(Optional.of(List.of("hooks.example.com", " *.partner.org ")));

        assertThat(urls.refusal("https://" + host + "/cb").isEmpty()).isEqualTo(allowed);
    }
}

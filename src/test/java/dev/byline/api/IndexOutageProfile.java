package dev.byline.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/** The index is {@link OutageIndex}: every SolrCloud node down. No demo articles (they could not be written). */
public class IndexOutageProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(OutageIndex.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("byline.ingest.demo-articles", "false");
    }
}

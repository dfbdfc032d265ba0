package dev.byline.feeds;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** Byline following the {@link FakeFeeds}; shared by the feed test classes so Quarkus starts once for them. */
public class FeedsProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeFeeds.class));
    }
}

package dev.byline.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Set;

/** Answers come from {@link ScriptedAnswerer}: known drafts, failures and slow streams on demand. */
public class ScriptedAnswersProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedAnswers.class);
    }
}

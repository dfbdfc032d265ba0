package dev.byline.tools.scale;

import dev.byline.index.Vectors;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DerivedVectorsTest {

    private static float[] randomUnit(long seed) {
        Random r = new Random(seed);
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    @Test
    void should_turn_a_vector_by_the_stated_angle_into_a_unit_vector() {
        for (int i = 0; i < 200; i++) {
            float[] base = randomUnit(i);
            float[] derived = DerivedVectors.derive(base, "business/001:v" + i + "#0");

            assertThat(dot(derived, derived)).isCloseTo(1.0, within(1e-5));
            assertThat(dot(base, derived)).isCloseTo(DerivedVectors.COSINE, within(1e-5));
        }
        assertThat(DerivedVectors.COSINE).isBetween(0.97, 0.98);
    }

    @Test
    void should_accept_a_base_vector_that_is_not_unit_length() {
        float[] base = randomUnit(7);
        float[] longer = new float[base.length];
        for (int i = 0; i < base.length; i++) {
            longer[i] = base[i] * 3;
        }

        assertThat(DerivedVectors.derive(longer, "s")).containsExactly(DerivedVectors.derive(base, "s"), within(1e-6f));
    }

    @Test
    void should_be_deterministic_per_seed_and_differ_between_seeds() {
        float[] base = randomUnit(1);

        float[] a = DerivedVectors.derive(base, "sport/001:v3#2");
        float[] again = DerivedVectors.derive(base, "sport/001:v3#2");
        float[] other = DerivedVectors.derive(base, "sport/001:v4#2");

        assertThat(again).containsExactly(a);
        assertThat(other).isNotEqualTo(a);
        // Two copies of one chunk are near neighbours, about COSINE² apart.
        assertThat(dot(a, other)).isCloseTo(DerivedVectors.COSINE * DerivedVectors.COSINE, within(0.01));
    }

    @Test
    void should_refuse_a_zero_vector() {
        assertThatThrownBy(() -> DerivedVectors.derive(new float[8], "s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero");
    }
}

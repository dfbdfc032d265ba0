package dev.byline.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that lists articles or returns whole bodies: {@link AdminAccessFilter} applies the reading
 * policy ({@code byline.access.articles}) to it. Passages in answers and search results are not whole articles and
 * stay public.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadsArticles {
}

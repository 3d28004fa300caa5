package dev.chipevents.common.paging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that reads and checks its whole query string itself (a list, through
 * {@link QueryParameters#requireKnown}); every other operation takes only its {@code @QueryParam}s.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadsQueryString {
}

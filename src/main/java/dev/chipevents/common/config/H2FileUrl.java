package dev.chipevents.common.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Lets CHIP_EVENTS_DATA_DIR name a folder relative to the working directory as anyone would write it ({@code mydata}),
 * not only as H2 accepts it ({@code ./mydata}): H2 refuses a file URL whose path is "implicitly relative". The embedded
 * database's URL, once its expressions are expanded, gets {@code ./} before such a path; an absolute path, one from the
 * home folder ({@code ~}) or one already starting with {@code ./} or {@code ../} is left as it is, and so is every
 * other URL.
 */
@Priority(H2FileUrl.PRIORITY)
public class H2FileUrl implements ConfigSourceInterceptor {

    /** Above SmallRye's expression interceptor (3300), so this one sees the URL with its expressions expanded. */
    static final int PRIORITY = 3400;
    static final String URL = "quarkus.datasource.jdbc.url";
    private static final String FILE = "jdbc:h2:file:";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value == null || value.getValue() == null || !URL.equals(name)) {
            return value;
        }
        String url = explicit(value.getValue());
        return url.equals(value.getValue()) ? value : value.withValue(url);
    }

    /** The URL with {@code ./} before an implicitly relative file path. */
    static String explicit(String url) {
        if (!url.startsWith(FILE)) {
            return url;
        }
        String rest = url.substring(FILE.length());
        int settings = rest.indexOf(';');
        String path = settings < 0 ? rest : rest.substring(0, settings);
        boolean explicit = path.isEmpty() || startsWithAny(path, "~", "/", "\\", "./", "../", ".\\", "..\\") || absolute(path);
        return explicit ? url : FILE + "./" + rest;
    }

    private static boolean startsWithAny(String path, String... starts) {
        for (String start : starts) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** Absolute where the service runs (a drive letter on Windows); a path Java cannot read is left to H2 to refuse. */
    private static boolean absolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return true;
        }
    }
}

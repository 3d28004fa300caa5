package dev.chipevents.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The embedded database's URL takes a data folder named relative to the working directory without "./". */
class H2FileUrlTest {

    private static final String SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

    @Test
    void anImplicitlyRelativeFolderGetsDotSlash() {
        assertEquals("jdbc:h2:file:./mydata/chip-events" + SETTINGS, H2FileUrl.explicit("jdbc:h2:file:mydata/chip-events" + SETTINGS));
        assertEquals("jdbc:h2:file:./.hidden/chip-events", H2FileUrl.explicit("jdbc:h2:file:.hidden/chip-events"));
        assertEquals("jdbc:h2:file:./data", H2FileUrl.explicit("jdbc:h2:file:data"));
    }

    @Test
    void everyOtherUrlIsLeftAsItIs() {
        for (String url : new String[]{ "jdbc:h2:file:./data/chip-events" + SETTINGS, "jdbc:h2:file:../data/chip-events",
                "jdbc:h2:file:/var/lib/chip-events/chip-events" + SETTINGS, "jdbc:h2:file:~/chip-events/chip-events",
                "jdbc:h2:mem:chip-events-test;DB_CLOSE_DELAY=-1", "jdbc:postgresql://db:5432/chip_events", "jdbc:h2:file:" }) {
            assertEquals(url, H2FileUrl.explicit(url));
        }
    }

    /** As application.properties writes it: the URL names the folder by an expression, expanded before this sees it. */
    @Test
    void theUrlIsMadeExplicitAfterItsExpressionsAreExpanded() {
        assertEquals("jdbc:h2:file:./target/some data/chip-events" + SETTINGS, urlWithDataDir("target/some data"));
        assertEquals("jdbc:h2:file:/var/lib/chip-events/chip-events" + SETTINGS, urlWithDataDir("/var/lib/chip-events"));
        assertEquals("jdbc:h2:file:./data/chip-events" + SETTINGS, urlWithDataDir("./data"));
    }

    private static String urlWithDataDir(String dataDir) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withInterceptors(new H2FileUrl())
                .withSources(new PropertiesConfigSource(Map.of(
                        H2FileUrl.URL, "jdbc:h2:file:${chip-events.data-dir}/chip-events" + SETTINGS,
                        "chip-events.data-dir", "${CHIP_EVENTS_DATA_DIR:./data}",
                        "CHIP_EVENTS_DATA_DIR", dataDir), "test", 500))
                .build();
        assertEquals(dataDir, config.getValue("chip-events.data-dir", String.class), "the folder itself is as given");
        return config.getValue(H2FileUrl.URL, String.class);
    }

    @Test
    void theInterceptorIsRegisteredForDiscovery() {
        assertTrue(ServiceLoader.load(ConfigSourceInterceptor.class).stream().anyMatch(p -> p.type() == H2FileUrl.class),
                "META-INF/services names " + H2FileUrl.class.getName());
    }
}

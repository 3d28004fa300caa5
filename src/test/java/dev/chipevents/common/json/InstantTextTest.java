package dev.chipevents.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** InstantText writes what Instant.toString and the JavaTimeModule write, for every kind of instant, and is what JSON uses. */
@QuarkusTest
class InstantTextTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void theTextIsInstantToStringsAtEveryPrecisionAndYear() {
        List<Instant> edges = List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(0, 1),
                Instant.ofEpochSecond(0, 999_999_999), Instant.ofEpochSecond(0, 1_000), Instant.ofEpochSecond(0, 1_000_000),
                Instant.ofEpochSecond(0, 120_000_000), Instant.parse("2024-02-29T23:59:59.999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX);
        for (Instant instant : edges) {
            assertEquals(instant.toString(), InstantText.format(instant));
        }
        SplittableRandom random = new SplittableRandom(20261201);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] precisions = { 1_000_000_000, 1_000_000, 1_000, 1 };
        for (int i = 0; i < 200_000; i++) {
            int unit = precisions[i % precisions.length];
            long seconds = i % 2 == 0 ? random.nextLong(first, last + 1) : random.nextLong(1_500_000_000L, 1_900_000_000L);
            Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000) / unit * unit);
            assertEquals(instant.toString(), InstantText.format(instant));
        }
    }

    @Test
    void theServiceWritesInstantsWithItAndTheJavaTimeModulesText() throws Exception {
        assertInstanceOf(InstantText.Serializer.class, mapper.getSerializerProviderInstance().findValueSerializer(Instant.class));
        ObjectMapper plain =
                new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (Instant instant : List.of(Instant.parse("2025-01-20T08:15:30.123456Z"), Instant.parse("2025-01-20T08:15:30Z"),
                Instant.parse("1999-12-31T23:59:59.5Z"), Instant.ofEpochSecond(1_700_000_000L, 7))) {
            String expected = plain.writeValueAsString(List.of(instant));
            assertEquals("[\"" + instant + "\"]", expected);
            assertEquals(expected, mapper.writeValueAsString(List.of(instant)));
        }
    }
}

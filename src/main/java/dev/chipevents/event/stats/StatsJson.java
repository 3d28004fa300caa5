package dev.chipevents.event.stats;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.json.WrittenJson;

/**
 * The JSON of a statistics answer, written once for each answer the stats cache hands out ({@link WrittenJson}). By month
 * over every event the answer runs to about a megabyte at 100,000 events (every month's amounts per kind and currency),
 * which the REST layer would otherwise write out of the answer object again for every request the cache answers.
 */
@ApplicationScoped
class StatsJson {

    private final WrittenJson<EventStats> json;

    StatsJson(ObjectMapper mapper, ChipEventsConfig config) {
        this.json = new WrittenJson<>(mapper, config.stats().cacheTtl().isZero() ? 0 : StatsCache.SIZE, "a statistics answer");
    }

    byte[] of(EventStats answer) {
        return json.of(answer);
    }
}

package dev.chipevents.common.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The application's mapper reads and writes the properties of answers and request bodies through lambdas that Jackson's
 * Blackbird module generates once for each property, instead of reflection for each value.
 */
@Singleton
public class JsonAccessors implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
    }
}

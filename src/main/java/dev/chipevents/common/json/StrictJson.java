package dev.chipevents.common.json;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

import dev.chipevents.common.validation.IsoDates;

/**
 * The JSON reader takes what a client wrote, exactly: no scalar is coerced into another type (1 is no
 * event type, 123 no title, "100" no amount), a key given twice is refused, and so is anything after the
 * value ({...} garbage, {...}{...}), and dates are ISO strings within 0001-01-01..9999-12-31. Enum names
 * match in any case (quarkus.jackson.accept-case-insensitive-enums).
 *
 * <p>All of it on the application's one mapper, which the REST layer reads bodies and writes answers with:
 * a second mapper for request bodies (a {@code ContextResolver<ObjectMapper>}) would make the REST layer
 * look the mapper up again for every body and every answer. The one reader that stops inside a document on
 * purpose, the bulk import reading an array one element at a time, turns the check off for its elements.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that the date reader here replaces the one of the JavaTimeModule that Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (CoercionInputShape scalar : new CoercionInputShape[]{ CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(scalar, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[]{ LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        // "" is no enum value, number, date or id either.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("chip-events-strict-dates").addDeserializer(LocalDate.class, new IsoDate()));
    }

    /** A calendar date as an ISO 8601 yyyy-mm-dd string (proleptic Gregorian), 0001-01-01 to 9999-12-31. */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {

        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            LocalDate date = IsoDates.parse(text);
            if (date == null) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, IsoDates.RULE);
            }
            return date;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}

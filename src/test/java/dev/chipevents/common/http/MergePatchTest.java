package dev.chipevents.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import dev.chipevents.common.problem.InvalidRequestProblem;

/** RFC 7396 on a request record: fields sent replace, null removes, the result is validated like a PUT body. */
class MergePatchTest {

    record Thing(@NotBlank String name, String note, List<String> tags) {
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final MergePatch mergePatch = new MergePatch(
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true), VALIDATOR);
    private final Thing current = new Thing("chip", "a note", List.of("a", "b"));

    @Test
    void sentFieldsReplaceAndNullRemoves() {
        Thing patched = mergePatch.apply(current, "{\"note\": null, \"tags\": [\"c\"]}", Thing.class);
        assertEquals(new Thing("chip", null, List.of("c")), patched);
        assertNull(patched.note());
    }

    @Test
    void theResultIsValidated() {
        assertThrows(ConstraintViolationException.class, () -> mergePatch.apply(current, "{\"name\": \"\"}", Thing.class));
    }

    @Test
    void aPatchMustBeAJsonObjectOfKnownFields() {
        assertEquals("body", assertThrows(InvalidRequestProblem.class, () -> mergePatch.apply(current, "[1]", Thing.class))
                .errors().get(0).field());
        assertEquals("body", assertThrows(InvalidRequestProblem.class, () -> mergePatch.apply(current, "{\"name\":", Thing.class))
                .errors().get(0).field());
        assertEquals("colour", assertThrows(InvalidRequestProblem.class,
                () -> mergePatch.apply(current, "{\"colour\": \"red\"}", Thing.class)).errors().get(0).field());
    }
}

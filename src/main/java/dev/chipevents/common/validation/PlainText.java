package dev.chipevents.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that every database can store and give back byte for byte, and that reads as what it is: no
 * control characters other than tab, line feed and carriage return (PostgreSQL refuses NUL), no unpaired
 * UTF-16 surrogates, no bidirectional overrides or isolates (U+202A..U+202E, U+2066..U+2069: they make text
 * display in another order than it is stored), and not only invisible characters (spaces, zero-width and
 * other format characters, fillers) when it is not empty.
 */
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    String message() default "must not contain control characters (other than tab and line breaks) or unpaired surrogates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty()) {
                return true;
            }
            String refusal = !isPlain(value) ? null
                    : hasBidiControls(value) ? "must not contain bidirectional override or isolate characters (U+202A to U+202E,"
                            + " U+2066 to U+2069)"
                            : !hasVisibleCharacters(value) ? "must contain visible characters, not only spaces or invisible characters"
                                    : "";
            if (refusal == null) {
                return false; // the default message
            }
            if (refusal.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
            return false;
        }

        public static boolean hasBidiControls(String value) {
            return value.codePoints().anyMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
        }

        public static boolean hasVisibleCharacters(String value) {
            return value.codePoints().anyMatch(c -> !isInvisible(c));
        }

        /** Spaces, controls, format characters (zero-width space and joiners, marks, BOM), fillers and variation selectors. */
        private static boolean isInvisible(int c) {
            int type = Character.getType(c);
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT || type == Character.CONTROL
                    || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800
                    || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x180B && c <= 0x180F);
        }

        public static boolean isPlain(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}

package dev.chipevents.event;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The rules of an event that span several fields; each broken rule names its field. */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = EventRules.Validator.class)
public @interface EventRules {

    String message() default "breaks a rule of events";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EventRules, EventRequest> {

        @Override
        public boolean isValid(EventRequest event, ConstraintValidatorContext context) {
            if (event == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (event.amount() != null && event.currency() == null) {
                valid = fail(context, "currency", "is required when amount is given");
            }
            if (event.amount() == null && event.currency() != null) {
                valid = fail(context, "currency", "must not be given without amount");
            }
            if (event.amount() != null && event.amountKind() == null) {
                valid = fail(context, "amountKind", "is required when amount is given: say what the amount measures, one of "
                        + kindsOf(event.type()));
            }
            if (event.amount() == null && event.amountKind() != null) {
                valid = fail(context, "amountKind", "must not be given without amount");
            }
            if (event.amountKind() != null && event.type() != null && !AmountKind.allowedFor(event.type()).contains(event.amountKind())) {
                valid = fail(context, "amountKind", event.amountKind() + " is not a kind of amount a " + event.type()
                        + " event has; it may be one of " + kindsOf(event.type()));
                valid = fail(context, "type", event.type() + " events do not have " + event.amountKind()
                        + " amounts; for those choose another type");
            }
            if (event.amountKind() != null && event.amountKind().isMarketValueMove() && event.percentChange() != null
                    && event.percentChange().signum() != (event.amountKind() == AmountKind.MARKET_VALUE_LOSS ? -1 : 1)) {
                valid = fail(context, "amountKind", event.amountKind() + " does not agree with percentChange " + event.percentChange()
                        + ": a loss goes with a negative change, a gain with a positive one");
                valid = fail(context, "percentChange", "is " + event.percentChange() + ", which does not agree with amountKind "
                        + event.amountKind());
            }
            if (event.type() == EventType.STOCK_MOVE && event.percentChange() == null) {
                valid = fail(context, "percentChange", "is required for STOCK_MOVE events");
            }
            if (event.occurredOn() != null && !startsPeriod(event)) {
                valid = fail(context, "occurredOn", "must be the first day of the "
                        + event.datePrecisionOrDefault().name().toLowerCase() + " when datePrecision is "
                        + event.datePrecisionOrDefault());
            }
            List<ParticipantRequest> participants = event.participantsOrEmpty();
            for (int i = 0; i < participants.size(); i++) {
                ParticipantRequest p = participants.get(i);
                if (p != null && p.references().isEmpty()) {
                    valid = fail(context, "participants[" + i + "].company", "is required: the company's id, ticker or exact name");
                }
            }
            List<String> tags = event.tagsOrEmpty();
            if (new HashSet<>(tags).size() != tags.size()) {
                valid = fail(context, "tags", "must not repeat a tag");
            }
            return valid;
        }

        private static String kindsOf(EventType type) {
            return type == null ? List.of(AmountKind.values()).toString() : AmountKind.allowedFor(type).toString();
        }

        private static boolean startsPeriod(EventRequest event) {
            var day = event.occurredOn();
            return switch (event.datePrecisionOrDefault()) {
                case DAY -> true;
                case MONTH -> day.getDayOfMonth() == 1;
                case QUARTER -> day.getDayOfMonth() == 1 && (day.getMonthValue() - 1) % 3 == 0;
                case YEAR -> day.getDayOfYear() == 1;
            };
        }

        private static boolean fail(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                    .addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}

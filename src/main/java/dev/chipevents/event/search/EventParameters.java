package dev.chipevents.event.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The query parameters of event queries, documented once and added to every operation that takes
 * them (the lists, the company's events, the statistics). No parameter carries an `example`: Swagger
 * UI would send it, and an optional filter must not change a query nobody asked for; examples are in
 * the descriptions.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class EventParameters implements OASFilter {

    /** The filters, in the order the document shows them. */
    static final List<String> FILTERS = List.of("type", "from", "to", "company", "country", "tag", "q", "currency", "minAmount",
            "maxAmount", "minChange", "maxChange", "amountKind", "relatedTo");
    private static final List<String> LIST = concat(FILTERS, List.of("sort", "limit", "cursor", "withTotal", "format"));

    /** Which operations take which parameters, by operationId. */
    private static final Map<String, List<String>> OPERATIONS = Map.of(
            "listEvents", LIST,
            "listCompanyEvents", LIST,
            "eventStats", FILTERS,
            "listChanges", FILTERS);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // Named schemas, so that generated clients type these parameters as enums.
        openAPI.getComponents().addSchema("ListFormat", string().enumeration(List.<Object>copyOf(EventQuery.FORMATS)).defaultValue("json")
                .description("How a list answers: a JSON page, every match as CSV or iCalendar, or the page as an Atom feed."));
        Map<String, Parameter> parameters = parameters();
        parameters.forEach(openAPI.getComponents()::addParameter);
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                List<String> names = operation.getOperationId() == null ? null : OPERATIONS.get(operation.getOperationId());
                if (names != null) {
                    names.forEach(name -> operation.addParameter(OASFactory.createParameter().ref(name)));
                }
            }
        }
    }

    private static Map<String, Parameter> parameters() {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("type", query("type", "Event types, any of: repeat the parameter or separate with commas, e.g. `STOCK_MOVE`."
                + " Case-insensitive.", array(OASFactory.createSchema().ref("EventType")))
                .explode(true));
        p.put("from", query("from", "Earliest occurredOn, inclusive, e.g. `2024-12-01`.", string().format("date")));
        p.put("to", query("to", "Latest occurredOn, inclusive, not before `from`, e.g. `2025-01-31`.", string().format("date")));
        p.put("company", query("company", "Companies taking part, any of: each a company's id, ticker or exact name"
                + " (case-insensitive), e.g. `NVDA` or `DeepSeek`; repeat the parameter or separate with commas. One that names"
                + " no company is a 400 with the closest names.", array(string().maxLength(200))).explode(true));
        p.put("country", query("country", "ISO 3166-1 alpha-2 code of where the event happened, e.g. `US`.",
                string().pattern("^[A-Za-z]{2}$")));
        p.put("tag", query("tag", "Tags, any of, e.g. `deepseek`; repeat the parameter or separate with commas.",
                array(string().maxLength(50))).explode(true));
        p.put("q", query("q", "Case-insensitive search over title, summary, tags and the participants' names and tickers; every"
                + " word must occur (as a word or part of one), e.g. `arizona tsmc`.", string().maxLength(200)));
        p.put("currency", query("currency", "ISO 4217 currency of the amount, e.g. `USD`.", string().pattern("^[A-Za-z]{3}$")));
        p.put("minAmount", query("minAmount", "Smallest amount, inclusive (events without amount never match), e.g. `1000000000`.",
                number()));
        p.put("maxAmount", query("maxAmount", "Largest amount, inclusive.", number()));
        p.put("minChange", query("minChange", "Smallest percentChange, inclusive: `minChange=10` finds rises of 10 percent or more.",
                number()));
        p.put("maxChange", query("maxChange", "Largest percentChange, inclusive: `maxChange=-10` finds drops of 10 percent or worse.",
                number()));
        p.put("amountKind", query("amountKind", "What the amount measures, any of, e.g. `AWARD`: repeat the parameter or separate"
                + " with commas. Case-insensitive. Events without amount never match.", array(OASFactory.createSchema().ref("AmountKind")))
                .explode(true));
        p.put("relatedTo", query("relatedTo", "The id of an event: only the events linked to it, in either direction and by any"
                + " link type, e.g. `0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f` (Nvidia's drop of 2025-01-27).",
                string().format("uuid")));
        p.put("sort", query("sort", "Comma-separated fields from occurredOn, amount, percentChange, createdAt, updatedAt, title; '-'"
                + " in front for descending, e.g. `-amount`. Missing amounts and percent changes come last. Ties are broken by id."
                + " The default is `-occurredOn`, and `-updatedAt` (newest change first) for the Atom feed.",
                string().maxLength(200).defaultValue("-occurredOn")));
        p.put("format", query("format", "`csv` streams every match as RFC 4180 CSV (like `Accept: text/csv`) and `ics` as an RFC 5545"
                + " iCalendar file to subscribe to (like `Accept: text/calendar`), both ignoring `limit`; `atom` answers the page as"
                + " an RFC 4287 Atom feed (like `Accept: application/atom+xml`).",
                OASFactory.createSchema().ref("ListFormat")));
        return p;
    }

    private static Parameter query(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description).schema(schema);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema number() {
        return OASFactory.createSchema().addType(Schema.SchemaType.NUMBER);
    }

    private static Schema array(Schema items) {
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(items);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}

package dev.chipevents.event.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.json.WrittenJson;
import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.paging.ReadsQueryString;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.event.search.EventQuery;

/** HTTP for statistics over the events matching a query. */
@Path("/api/v1/events/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventStatsResource {

    private static final Set<String> PARAMETERS;

    static {
        Set<String> parameters = new HashSet<>(EventQuery.FILTERS);
        parameters.add("groupBy");
        PARAMETERS = Set.copyOf(parameters);
    }

    private final EventStatistics statistics;
    private final StatsJson json;

    EventStatsResource(EventStatistics statistics, StatsJson json) {
        this.statistics = statistics;
        this.json = json;
    }

    @GET
    @Operation(operationId = "eventStats", summary = "Count events and sum amounts (per kind and currency) per period or dimension",
            description = """
                    Takes every filter of listEvents. `groupBy` day, week (ISO), month, quarter or year gives a timeline \
                    ordered by key; type, country, company or tag gives buckets ordered by count (most first). An event \
                    with several companies or tags counts in each of their buckets. Amounts are summed per kind and currency, \
                    never across them. An event dated less precisely than the period asked for (a month-long event, by day or \
                    week) is counted apart, in `coarser`, under its own period.""")
    @APIResponse(responseCode = "200", description = "The buckets.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventStats.class),
                    examples = @ExampleObject(name = "per month", value = """
                            {"groupBy": "month", "buckets": [{"key": "2025-01", "count": 9, "amounts": [
                              {"kind": "MARKET_VALUE_LOSS", "currency": "USD", "sum": 589000000000, "count": 1},
                              {"kind": "INVESTMENT", "currency": "USD", "sum": 500000000000, "count": 1},
                              {"kind": "COST", "currency": "USD", "sum": 6000000, "count": 1}]}], "coarser": []}""")))
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "StatementTimeout")
    @ReadsQueryString
    public Response stats(@Parameter(required = true, description = "What to group by (case-insensitive).", example = "month",
            schema = @Schema(implementation = StatsGrouping.class))
    @QueryParam("groupBy") String groupByValue, @Context UriInfo uri) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        EventQuery query = EventQuery.parse(params, PARAMETERS);
        List<FieldError> errors = new ArrayList<>();
        String groupBy = QueryParameters.single(params, "groupBy", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        if (groupBy == null) {
            throw new InvalidRequestProblem("groupBy", "is required: one of " + List.of(StatsGrouping.values()));
        }
        StatsGrouping grouping;
        try {
            grouping = StatsGrouping.valueOf(groupBy.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem("groupBy", "must be one of " + List.of(StatsGrouping.values()) + "; got '" + groupBy + "'");
        }
        return Response.ok(json.of(statistics.of(query, grouping)), WrittenJson.MEDIA_TYPE).build();
    }
}

package dev.chipevents.common.http;

import dev.chipevents.common.problem.PreconditionFailedProblem;
import dev.chipevents.common.problem.PreconditionRequiredProblem;

/** Strong entity tags from a resource's version, and the If-Match / If-None-Match checks of RFC 9110. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** For PUT and PATCH: If-Match is required (428) and must name the current version (412). */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredProblem();
        }
        checkMatch(ifMatch, currentVersion);
    }

    /** For DELETE: If-Match is honoured when sent. */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (!anyMatches(ifMatch, currentVersion, false)) {
            throw new PreconditionFailedProblem("If-Match " + ifMatch.strip() + " does not match the current ETag "
                    + of(currentVersion) + "; GET the resource again and retry with its current ETag.");
        }
    }

    /** If-None-Match uses the weak comparison: W/"3" matches "3". */
    public static boolean noneMatchHits(String ifNoneMatch, long currentVersion) {
        return ifNoneMatch != null && !ifNoneMatch.isBlank() && anyMatches(ifNoneMatch, currentVersion, true);
    }

    private static boolean anyMatches(String header, long version, boolean weak) {
        String current = of(version);
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                if (!weak) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return true;
            }
        }
        return false;
    }
}

package dev.chipevents.changes;

import dev.chipevents.common.problem.ApiProblem;

/** 410: the changes after the client's resume point are no longer kept; it has to reload what it shows. */
class ResumePointExpired extends ApiProblem {

    ResumePointExpired(long since, long purgedThrough) {
        super(410, "resume-point-expired", "Resume point expired", "Changes up to " + purgedThrough + " are no longer kept"
                + " (CHIP_EVENTS_CHANGES_RETENTION), so the changes after " + since + " cannot all be replayed: reload the data"
                + " you show, then follow the changes without since or Last-Event-ID.", null);
    }
}

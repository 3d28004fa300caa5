package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.chipevents.starter.StarterLedgerUpgrade;

/**
 * Brings the starter dataset of an existing database up to the current one, once, without touching what a user changed
 * (see {@link StarterLedgerUpgrade}). Version 12, after the schema it needs (V10 amount kinds, V11 links); 7 and 8 are
 * taken by a parallel branch. Flyway finds it by its package, which mirrors the location db/migration/common.
 */
public class V12__starter_ledger_completed extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        new StarterLedgerUpgrade(context.getConnection()).run();
    }
}

package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.chipevents.common.db.Sql;
import dev.chipevents.event.EventChildren;
import dev.chipevents.event.ParticipantResponse;
import dev.chipevents.event.ParticipantRole;
import dev.chipevents.event.SourceDto;

/**
 * Gives every event the copy of its participants, tags and sources that pages read with its row ({@link EventChildren}),
 * written by the same code that writes it for every later change, so the copy of an event written before this version
 * cannot differ from one written after. The events are taken a thousand at a time in id order, and each table's
 * children of a thousand by one range of event ids (an IN list of a thousand costs H2 a thousand checks a row).
 * <p>
 * Each thousand is committed on its own, outside one transaction for the whole migration: on PostgreSQL a million
 * events took minutes, longer than Kubernetes' startup probe waits, and a start cut short must not lose what it did.
 * The next start finds the column there and goes on with the events that have no copy yet.
 */
public class V18__event_children_json extends BaseJavaMigration {

    private static final int CHUNK = 1000;

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            try (Statement add = db.createStatement()) {
                add.execute("alter table event add column if not exists children_json varchar(1000000)");
            }
            db.commit();
            UUID last = null;
            List<UUID> ids;
            do {
                ids = withoutCopy(db, last);
                if (!ids.isEmpty()) {
                    write(db, ids);
                    db.commit();
                    last = ids.get(ids.size() - 1);
                }
            } while (ids.size() == CHUNK);
            try (Statement required = db.createStatement()) {
                required.execute("alter table event alter column children_json set not null");
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    /** The next thousand events without a copy, after the given id. */
    private static List<UUID> withoutCopy(Connection db, UUID after) throws SQLException {
        String sql = "select id from event where children_json is null" + (after == null ? "" : " and id > ?") + " order by id fetch first "
                + CHUNK + " rows only";
        try (PreparedStatement select = db.prepareStatement(sql)) {
            if (after != null) {
                select.setObject(1, after);
            }
            List<UUID> ids = new ArrayList<>(CHUNK);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static void write(Connection db, List<UUID> ids) throws SQLException {
        UUID first = ids.get(0);
        UUID last = ids.get(ids.size() - 1);
        Map<UUID, List<ParticipantResponse>> participants = new HashMap<>();
        children(db,
                "select p.event_id, p.company_id, c.name, c.ticker, p.role from event_participant p join company c on c.id = p.company_id"
                        + " where p.event_id between ? and ? order by p.event_id, p.position",
                first, last, row -> participants
                        .computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ParticipantResponse(
                                row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                                ParticipantRole.valueOf(row.getString(5)))));
        Map<UUID, List<String>> tags = new HashMap<>();
        children(db, "select event_id, tag from event_tag where event_id between ? and ? order by event_id, position", first, last,
                row -> tags.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>()).add(row.getString(2)));
        Map<UUID, List<SourceDto>> sources = new HashMap<>();
        children(db, "select event_id, url, publisher, title, published_on from event_source where event_id between ? and ?"
                + " order by event_id, position", first, last,
                row -> sources.computeIfAbsent(row.getObject(1, UUID.class),
                        k -> new ArrayList<>()).add(new SourceDto(row.getString(2), row.getString(3), row.getString(4), Sql.date(row, 5))));
        try (PreparedStatement update = db.prepareStatement("update event set children_json = ? where id = ?")) {
            for (UUID id : ids) {
                update.setString(1, EventChildren.write(participants.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of()),
                        sources.getOrDefault(id, List.of())));
                update.setObject(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private interface RowReader {

        void read(ResultSet row) throws SQLException;
    }

    private static void children(Connection db, String sql, UUID first, UUID last, RowReader reader) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, first);
            select.setObject(2, last);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }
}

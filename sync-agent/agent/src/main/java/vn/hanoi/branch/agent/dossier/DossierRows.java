package vn.hanoi.branch.agent.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.Declaration;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.api.Json;

/** Reading dossiers (declaration, state, history) and their JSON columns, shared by the dossier handlers. */
final class DossierRows {
    static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };
    static final TypeReference<Dossiers.Applicant> APPLICANT = new TypeReference<>() {
    };
    static final TypeReference<List<Dossiers.ReceivedDocument>> DOCUMENTS = new TypeReference<>() {
    };

    private DossierRows() {
    }

    static Declaration declaration(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.ticket_id, d.procedure_code, p.name_vi, "
                + "d.declaration, d.from_card, d.created_at FROM dossier d JOIN procedure p ON p.code = d.procedure_code "
                + "WHERE d.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, String> values = rs.getString(5) == null ? Map.of()
                        : Json.mapper().readValue(rs.getString(5), VALUES);
                return new Declaration(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), values,
                        rs.getInt(6) == 1, Instant.ofEpochMilli(rs.getLong(7)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static State state(Connection c, long dossierId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM dossier WHERE id = ?")) {
            ps.setLong(1, dossierId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("unknown_dossier", "Không tìm thấy hồ sơ.", "No such dossier.");
                }
                return State.valueOf(rs.getString(1));
            }
        }
    }

    static List<Dossiers.Event> history(Connection c, long id) throws SQLException {
        List<Dossiers.Event> history = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT at, state, note_vi, note_en FROM dossier_event WHERE dossier_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.add(new Dossiers.Event(Instant.ofEpochMilli(rs.getLong(1)), State.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4)));
                }
            }
        }
        return history;
    }

    static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object values) {
        try {
            return Json.mapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiException unknownProcedure() {
        return ApiException.badRequest("unknown_procedure", "Thủ tục không có trong danh mục của chi nhánh.",
                "The branch does not offer this procedure.");
    }
}

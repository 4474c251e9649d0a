package vn.hanoi.branch.agent.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Dossiers.CardField;
import vn.hanoi.branch.api.Dossiers.FieldKind;
import vn.hanoi.branch.api.Dossiers.FormField;
import vn.hanoi.branch.api.Dossiers.Procedure;
import vn.hanoi.branch.api.Dossiers.RequiredDocument;
import vn.hanoi.branch.api.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The procedures this branch receives, each with its declaration form and required documents as
 * data. Imported from a JSON catalog (the bundled sample, later the city's catalog through sync).
 */
public final class ProcedureCatalog {
    public static final String SAMPLE = "/dossier/sample-procedures.json";

    private final Database db;

    public ProcedureCatalog(Database db) {
        this.db = db;
    }

    /** Procedures of active services, for the kiosk's choice and the counter. */
    public List<Procedure> list() {
        return db.read(c -> {
            List<Procedure> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE p.active = 1 AND s.active = 1 ORDER BY s.id, p.name_vi");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    public static Optional<Procedure> find(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE p.code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Adds or replaces procedures from a catalog document {@code {"procedures": [...]}}; procedures of a
     * service the branch does not have are skipped. Returns how many were imported.
     */
    public static int importJson(WriteTx tx, InputStream catalog) throws SQLException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(catalog);
        } catch (IOException e) {
            throw ApiException.badRequest("bad_catalog", "Tệp danh mục thủ tục không đọc được.",
                    "The procedure catalog file cannot be read.");
        }
        int n = 0;
        for (JsonNode node : root.path("procedures")) {
            if (upsert(tx, Json.mapper().convertValue(node, Procedure.class))) {
                n++;
            }
        }
        return n;
    }

    /**
     * Adds or replaces procedures from a CSV file a spreadsheet can write (UTF-8, header line):
     * {@code code,nameVi,nameEn,serviceCode,department,processingDays,feeVnd,documents}, where documents
     * are {@code Name of the paper (bản chính)|Another one (bản sao)} — "(bản sao)" marks a copy — and the
     * declaration form is the standard applicant form. Errors name the line.
     */
    public static int importCsv(WriteTx tx, java.io.Reader csv) throws SQLException {
        java.io.BufferedReader in = new java.io.BufferedReader(csv);
        int n = 0;
        int line = 0;
        try {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                text = line == 1 ? text.replace("\uFEFF", "") : text;
                if (line == 1 || text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                List<String> f = vn.hanoi.branch.csv.CsvLine.split(text);
                if (f.size() < 8) {
                    throw new IllegalArgumentException("8 columns expected, found " + f.size());
                }
                List<RequiredDocument> docs = new ArrayList<>();
                int i = 0;
                for (String d : f.get(7).split("\\|")) {
                    if (!d.isBlank()) {
                        boolean copy = d.toLowerCase().contains("(bản sao)");
                        String name = d.replaceAll("\\((bản chính|bản sao)\\)", "").strip();
                        docs.add(new RequiredDocument("DOC" + (++i), name, name, !copy));
                    }
                }
                if (upsert(tx, new Procedure(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4).isBlank() ? null : f.get(4),
                        Integer.parseInt(f.get(5)), Long.parseLong(f.get(6).replace(".", "")), STANDARD_FORM, docs, false))) {
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_catalog", "Dòng " + line + " của tệp danh mục không đúng: " + e.getMessage(),
                    "Line " + line + " of the catalog file is wrong: " + e.getMessage());
        }
        return n;
    }

    /** The applicant's part of every form, prefilled from the ID card. */
    static final List<FormField> STANDARD_FORM = List.of(
            new FormField("applicantName", "Họ và tên người yêu cầu", "Applicant's full name", FieldKind.TEXT,
                    true, null, 80, List.of(), CardField.FULL_NAME),
            new FormField("applicantDob", "Ngày sinh", "Date of birth", FieldKind.DATE,
                    true, null, 10, List.of(), CardField.DATE_OF_BIRTH),
            new FormField("applicantId", "Số định danh cá nhân", "Personal ID number", FieldKind.ID_NUMBER,
                    true, null, 12, List.of(), CardField.ID_NUMBER),
            new FormField("applicantAddress", "Nơi cư trú", "Place of residence", FieldKind.TEXT,
                    true, null, 200, List.of(), CardField.PERMANENT_ADDRESS),
            new FormField("phone", "Số điện thoại", "Phone number", FieldKind.PHONE,
                    true, null, 12, List.of(), null));

    /** Adds or replaces one procedure; false when the branch has no such service. */
    private static boolean upsert(WriteTx tx, Procedure p) throws SQLException {
        Long serviceId = serviceId(tx.connection(), p.serviceCode());
        if (serviceId == null) {
            return false;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO procedure (code, name_vi, name_en, service_id, processing_days, fee_vnd, definition, sample) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, "
                        + "name_en = excluded.name_en, service_id = excluded.service_id, "
                        + "processing_days = excluded.processing_days, fee_vnd = excluded.fee_vnd, "
                        + "definition = excluded.definition, sample = excluded.sample, active = 1")) {
            ps.setString(1, p.code());
            ps.setString(2, p.nameVi());
            ps.setString(3, p.nameEn());
            ps.setLong(4, serviceId);
            ps.setInt(5, p.processingDays());
            ps.setLong(6, p.feeVnd());
            ps.setString(7, Json.mapper().writeValueAsString(new Definition(p.department(), p.form(), p.documents())));
            ps.setInt(8, p.sample() ? 1 : 0);
            ps.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    /** Imports the bundled sample catalog (demo and tests). */
    public static int importSample(WriteTx tx) throws SQLException {
        try (InputStream in = ProcedureCatalog.class.getResourceAsStream(SAMPLE)) {
            return importJson(tx, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Definition(String department, List<FormField> form, List<RequiredDocument> documents) {
    }

    private static final String SELECT = "SELECT p.code, p.name_vi, p.name_en, s.code, p.processing_days, p.fee_vnd, "
            + "p.definition, p.sample FROM procedure p JOIN service s ON s.id = p.service_id ";

    private static Procedure row(ResultSet rs) throws SQLException {
        try {
            Definition d = Json.mapper().readValue(rs.getString(7), Definition.class);
            return new Procedure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), d.department(), rs.getInt(5),
                    rs.getLong(6), d.form(), d.documents(), rs.getInt(8) == 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Long serviceId(Connection c, String serviceCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM service WHERE code = ?")) {
            ps.setString(1, serviceCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}

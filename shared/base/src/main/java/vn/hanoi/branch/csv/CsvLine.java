package vn.hanoi.branch.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the CSV files branch IT edits by hand or in a spreadsheet (holiday lists, procedure
 * catalogs): fields split on commas outside double quotes, {@code ""} inside quotes is a quote, and
 * surrounding blanks are stripped.
 */
public final class CsvLine {
    private CsvLine() {
    }

    /** @throws IllegalArgumentException when a double quote is not closed */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a double quote is not closed");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}

package vn.hanoi.branch.card;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What was read from a CCCD chip, after passive authentication. Immutable; it is personal data of
 * the citizen at the kiosk: keep it for that citizen's session only, drop every reference when the
 * session ends, never log or persist it ({@link #toString()} shows no personal field). The face
 * image is only there when the reader was configured to read DG2; {@link #faceImage()} returns a copy.
 *
 * @param id               the 12-digit personal ID (DG13 field 1, else the MRZ's optional data)
 * @param dateOfBirth      null only if neither DG13 nor the MRZ has a valid date
 * @param sex              "Nam" / "Nữ" as on the card
 * @param expiry           the expiry as written in DG13 (a date or words such as "Không thời hạn")
 * @param expiryDate       the expiry as a date, or null for a card without expiry
 * @param father           null when absent, likewise mother, spouse and oldId
 * @param dg13             every DG13 field by number, unknown ones included
 * @param mrz              the MRZ from DG1
 * @param authentication   the passive-authentication result
 * @param bacAttempts      BAC keys tried until one opened the chip (1 = the first guess)
 */
public record CitizenCard(String id, String fullName, LocalDate dateOfBirth, String sex, String nationality,
                          String ethnicity, String religion, String placeOfOrigin, String placeOfResidence,
                          String identifyingMarks, LocalDate issueDate, String expiry, LocalDate expiryDate,
                          String father, String mother, String spouse, String oldId,
                          Map<Integer, List<String>> dg13, Mrz mrz, byte[] faceImage, String faceImageMimeType,
                          PassiveAuthentication.Result authentication, int bacAttempts, ReadStats stats) {

    public CitizenCard {
        dg13 = Map.copyOf(dg13);
        faceImage = faceImage == null ? null : faceImage.clone();
    }

    @Override
    public byte[] faceImage() {
        return faceImage == null ? null : faceImage.clone();
    }

    /** The MRZ of DG1 (ICAO TD1). Dates as {@code yyMMdd}; names in MRZ letters, without diacritics. */
    public record Mrz(String documentCode, String issuingState, String documentNumber, String optionalData,
                      String dateOfBirth, String sex, String dateOfExpiry, String nationality,
                      String primaryIdentifier, String secondaryIdentifier) {
        @Override
        public String toString() {
            return "Mrz[personal data withheld]";
        }
    }

    /** The cost of one read: APDUs exchanged and bytes on the wire (both directions), and time. */
    public record ReadStats(int apdus, long bytesSent, long bytesReceived, Duration elapsed, List<Integer> dataGroups) {
        public ReadStats {
            dataGroups = List.copyOf(dataGroups);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "CitizenCard[personal data withheld, " + authentication.verdict() + ", bacAttempts=" + bacAttempts
                + ", " + stats + "]";
    }
}

package vn.hanoi.branch.card;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DLSequence;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.util.encoders.Hex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * DG13 of the CCCD chip: Vietnam's own data group with the personal data the MRZ cannot hold
 * (full name with diacritics, places, parents...). Tag {@code 6D} around
 * {@code SEQUENCE { version INTEGER, OID, SET OF SEQUENCE { fieldNo INTEGER, value } }}; values are
 * UTF8String or PrintableString, field 13 (parents) holds a nested SEQUENCE of names.
 *
 * <p>Fields are read by their number, never by position: issuers add fields and the order is not
 * promised. Unknown fields are kept. For robustness against encoders that leave out the SET and put
 * the field sequences straight after the OID, or that tag the sequence implicitly, both are read too.
 * Values that are not strings are kept as {@code hex:...}.
 *
 * <p>Holds personal data: keep it for the session only; {@link #toString()} shows field numbers only.
 */
public final class DG13File {
    public static final int TAG = 0x6D;
    public static final int ID = 1;
    public static final int FULL_NAME = 2;
    /** {@code dd/MM/yyyy}. */
    public static final int DATE_OF_BIRTH = 3;
    public static final int SEX = 4;
    public static final int NATIONALITY = 5;
    public static final int ETHNICITY = 6;
    public static final int RELIGION = 7;
    public static final int PLACE_OF_ORIGIN = 8;
    public static final int PLACE_OF_RESIDENCE = 9;
    public static final int IDENTIFYING_MARKS = 10;
    public static final int ISSUE_DATE = 11;
    /** A date, or words such as "Không thời hạn" for cards without expiry. */
    public static final int EXPIRY_DATE = 12;
    /** Nested: father, mother. */
    public static final int PARENTS = 13;
    public static final int SPOUSE = 14;
    public static final int OLD_ID = 15;

    private final int version;
    private final String oid;
    private final Map<Integer, List<String>> fields;

    public DG13File(int version, String oid, Map<Integer, List<String>> fields) {
        this.version = version;
        this.oid = oid;
        TreeMap<Integer, List<String>> copy = new TreeMap<>();
        fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.fields = Collections.unmodifiableMap(copy);
    }

    /** Parses the file as read from the chip (starting with tag {@code 6D}). */
    public static DG13File parse(byte[] file) throws IOException {
        byte[] value = Tlv.value(file, TAG);
        List<ASN1Primitive> top = readAll(value);
        // Explicit form: one SEQUENCE inside 6D. Implicit form: the sequence's elements directly.
        List<ASN1Encodable> body = new ArrayList<>();
        if (top.size() == 1 && top.getFirst() instanceof ASN1Sequence s) {
            s.forEach(body::add);
        } else {
            body.addAll(top);
        }
        if (body.size() < 2 || !(body.get(0) instanceof ASN1Integer v) || !(body.get(1) instanceof ASN1ObjectIdentifier o)) {
            throw new IOException("DG13 does not start with version and OID");
        }
        TreeMap<Integer, List<String>> fields = new TreeMap<>();
        for (ASN1Encodable e : body.subList(2, body.size())) {
            if (isField(e)) {
                addField(fields, (ASN1Sequence) e);
            } else if (e instanceof ASN1Set || e instanceof ASN1Sequence) {
                for (ASN1Encodable f : elements(e)) {
                    if (!isField(f)) {
                        throw new IOException("DG13 holds an element that is not a numbered field");
                    }
                    addField(fields, (ASN1Sequence) f);
                }
            } else {
                throw new IOException("DG13 holds an unexpected element");
            }
        }
        return new DG13File(v.intValueExact(), o.getId(), fields);
    }

    /** Encodes with the fields in ascending number order. */
    public byte[] encoded() {
        return encoded(new ArrayList<>(fields.keySet()));
    }

    /** Encodes with the fields in the given order (the emulator uses it to shuffle them). */
    public byte[] encoded(List<Integer> order) {
        ASN1EncodableVector set = new ASN1EncodableVector();
        for (int n : order) {
            List<String> values = fields.get(n);
            if (values == null) {
                throw new IllegalArgumentException("no field " + n);
            }
            ASN1EncodableVector field = new ASN1EncodableVector();
            field.add(new ASN1Integer(n));
            if (values.size() == 1 && n != PARENTS) {
                field.add(string(values.getFirst()));
            } else {
                ASN1EncodableVector nested = new ASN1EncodableVector();
                values.forEach(s -> nested.add(string(s)));
                field.add(new DLSequence(nested));
            }
            set.add(new DLSequence(field));
        }
        ASN1EncodableVector body = new ASN1EncodableVector();
        body.add(new ASN1Integer(version));
        body.add(new ASN1ObjectIdentifier(oid));
        // DLSet keeps the given order (a DER SET would sort it).
        body.add(new DLSet(set));
        try {
            return Tlv.wrap(TAG, new DLSequence(body).getEncoded(ASN1Encoding.DL));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int version() {
        return version;
    }

    public String oid() {
        return oid;
    }

    /** Every field by number, ascending, values in file order (nested values flattened). */
    public Map<Integer, List<String>> fields() {
        return fields;
    }

    public List<String> values(int field) {
        return fields.getOrDefault(field, List.of());
    }

    /** The field's first value, if the field is there and not blank. */
    public Optional<String> text(int field) {
        return values(field).stream().findFirst().filter(s -> !s.isBlank());
    }

    /** The {@code index}-th value of a nested field (parents: 0 father, 1 mother), if present and not blank. */
    public Optional<String> text(int field, int index) {
        List<String> v = values(field);
        return index < v.size() && !v.get(index).isBlank() ? Optional.of(v.get(index)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "DG13File[v" + version + ", fields " + fields.keySet() + "]";
    }

    private static ASN1Encodable string(String s) {
        return DERPrintableString.isPrintableString(s) ? new DERPrintableString(s) : new DERUTF8String(s);
    }

    private static boolean isField(ASN1Encodable e) {
        return e instanceof ASN1Sequence s && s.size() >= 1 && s.getObjectAt(0) instanceof ASN1Integer;
    }

    private static Iterable<ASN1Encodable> elements(ASN1Encodable container) {
        return container instanceof ASN1Set set ? set : (ASN1Sequence) container;
    }

    private static void addField(Map<Integer, List<String>> fields, ASN1Sequence field) throws IOException {
        BigInteger n = ((ASN1Integer) field.getObjectAt(0)).getValue();
        if (n.signum() < 0 || n.bitLength() > 16) {
            throw new IOException("DG13 field number out of range");
        }
        List<String> values = fields.computeIfAbsent(n.intValue(), k -> new ArrayList<>());
        for (int i = 1; i < field.size(); i++) {
            flatten(field.getObjectAt(i), values, false);
        }
    }

    private static void flatten(ASN1Encodable e, List<String> out, boolean nested) {
        if (e instanceof ASN1String s) {
            out.add(s.getString());
        } else if (e instanceof ASN1Integer i) {
            // Inside a nested value an INTEGER numbers the part (1 father, 2 mother): not data.
            if (!nested) {
                out.add(i.getValue().toString());
            }
        } else if (e instanceof ASN1Sequence || e instanceof ASN1Set) {
            for (ASN1Encodable inner : elements(e)) {
                flatten(inner, out, true);
            }
        } else {
            try {
                out.add("hex:" + Hex.toHexString(e.toASN1Primitive().getEncoded()));
            } catch (IOException x) {
                throw new IllegalStateException(x);
            }
        }
    }

    private static List<ASN1Primitive> readAll(byte[] value) throws IOException {
        List<ASN1Primitive> out = new ArrayList<>();
        try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(value), value.length)) {
            ASN1Primitive p;
            while ((p = in.readObject()) != null) {
                out.add(p);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("DG13 is not valid ASN.1", e);
        }
        return out;
    }
}

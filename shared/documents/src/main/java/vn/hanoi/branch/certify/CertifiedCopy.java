package vn.hanoi.branch.certify;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.pdf.PdfFonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.Objects;

/**
 * Makes the certified electronic copy of "one procedure – two results": the scanned or received
 * PDF of the paper result, with a certification line on every page, signed by the branch as a
 * PAdES baseline B-B signature (B-T with a {@link Timestamper}).
 *
 * <p>Everything is appended as one incremental update: the original file's bytes are the copy's
 * first bytes, unchanged, so anyone can show the copy was made from exactly that file. The
 * signature is a certification signature (DocMDP, forms and signatures allowed) when the original
 * is not signed yet, else an approval signature beside the original's. It is invisible: the stamp
 * line is what a reader sees, and the reader's signature panel shows who signed.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class CertifiedCopy {
    /** The signature's reason, as the readers' signature panel shows it. */
    public static final String REASON = "Bản sao điện tử được chứng thực từ bản chính";
    /** Dates on the stamp and the claimed signing time are Hanoi's. */
    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final BranchSigner signer;
    private final String branchName;
    private final Clock clock;
    private final Timestamper timestamper;
    private final Path font;

    public CertifiedCopy(BranchSigner signer, String branchName) {
        this(signer, branchName, Clock.system(HANOI), null, null);
    }

    private CertifiedCopy(BranchSigner signer, String branchName, Clock clock, Timestamper timestamper, Path font) {
        this.signer = Objects.requireNonNull(signer, "signer");
        if (branchName == null || branchName.isBlank()) {
            throw new IllegalArgumentException("the branch name is the signature's location and is on the stamp");
        }
        this.branchName = branchName.strip();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timestamper = timestamper;
        this.font = font;
    }

    /** The clock of the stamp date and the claimed signing time (its zone is ignored: Hanoi time). */
    public CertifiedCopy withClock(Clock clock) {
        return new CertifiedCopy(signer, branchName, clock, timestamper, font);
    }

    /** Adds an RFC 3161 signature timestamp (PAdES B-T); {@code null} signs B-B. */
    public CertifiedCopy withTimestamper(Timestamper timestamper) {
        return new CertifiedCopy(signer, branchName, clock, timestamper, font);
    }

    /** A TrueType font with Vietnamese letters to use instead of DejaVu Sans. */
    public CertifiedCopy withFont(Path trueTypeFont) {
        return new CertifiedCopy(signer, branchName, clock, timestamper, trueTypeFont);
    }

    /** The stamp line a copy made now for {@code dossierCode} gets. */
    public String stampText(String dossierCode) {
        return CopyStamp.text(branchName, ZonedDateTime.now(clock).withZoneSameInstant(HANOI).toLocalDate(), dossierCode);
    }

    /**
     * Certifies {@code original}, which is written to {@code target} (not the same file) durably, so that
     * a failed signing or a power cut leaves no half-written copy behind.
     */
    public void certify(Path original, Path target, String dossierCode) throws IOException, GeneralSecurityException {
        if (Files.exists(target) && Files.isSameFile(original, target)) {
            throw new IllegalArgumentException("the copy must not overwrite its original " + original);
        }
        DurableFiles.write(target, certify(Files.readAllBytes(original), dossierCode));
    }

    /** Certifies {@code original} (a PDF file's bytes) and returns the signed copy's bytes. */
    public byte[] certify(byte[] original, String dossierCode) throws IOException, GeneralSecurityException {
        if (dossierCode == null || dossierCode.isBlank()) {
            throw new IllegalArgumentException("a certified copy names its dossier");
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(HANOI);
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 64 * 1024);
        try (PDDocument doc = Loader.loadPDF(original);
             SignatureOptions options = new SignatureOptions()) {
            if (doc.isEncrypted()) {
                // An incremental update of an encrypted file must be encrypted alike; not supported.
                throw new IOException("the original PDF is encrypted; ask for an unencrypted file");
            }
            boolean alreadySigned = !doc.getSignatureDictionaries().isEmpty();

            CopyStamp.apply(doc, PdfFonts.load(doc, font), CopyStamp.text(branchName, now.toLocalDate(), dossierCode));

            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signer.signerName());
            signature.setLocation(branchName);
            signature.setReason(REASON);
            signature.setSignDate(GregorianCalendar.from(now));
            if (!alreadySigned) {
                DocMdp.certify(doc, signature, DocMdp.FORMS_AND_SIGNATURES);
            }
            options.setPreferredSignatureSize(reservedSize());
            doc.addSignature(signature, options);

            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(PadesCms.sign(signer, external.getContent(), timestamper));
        }
        return out.toByteArray();
    }

    /**
     * Bytes reserved for the CMS signature (written as twice as many hex digits): the certificates,
     * the signed attributes and signature, and room for a timestamp token with its TSA's chain.
     */
    private int reservedSize() throws CertificateEncodingException {
        int size = 4096;
        for (X509Certificate c : signer.chain()) {
            size += c.getEncoded().length;
        }
        return timestamper == null ? size : size + 16 * 1024;
    }
}

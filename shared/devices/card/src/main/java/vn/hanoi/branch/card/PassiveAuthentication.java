package vn.hanoi.branch.card;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.jmrtd.lds.SODFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * ICAO 9303 passive authentication of what was read from the chip: each data group's hash against
 * the document security object (SOD), the SOD's signature with the document signer (DS)
 * certificate it carries, and, when the branch configured CSCA certificates, the DS certificate
 * against them. Without a CSCA the data is known to be whole and signed, but not by whom.
 *
 * <p>The DS certificate's validity dates are not checked: a card outlives its signer's
 * certificate by design (ICAO checks them at signing time, which the SOD does not record).
 */
public final class PassiveAuthentication {

    public enum Verdict {
        VERIFIED("Dữ liệu chip nguyên vẹn, do cơ quan cấp thẻ ký", "Chip data intact and signed by the issuer"),
        INTEGRITY_ONLY("Dữ liệu chip nguyên vẹn, chưa xác minh cơ quan cấp (chưa cài chứng thư CSCA)",
                "Chip data integrity verified, issuer not verified (no CSCA configured)"),
        FAILED("Dữ liệu chip không qua kiểm tra chữ ký số", "Chip data failed the digital signature check");

        private final String textVi;
        private final String textEn;

        Verdict(String textVi, String textEn) {
            this.textVi = textVi;
            this.textEn = textEn;
        }

        public String textVi() {
            return textVi;
        }

        public String textEn() {
            return textEn;
        }

        public String text(Locale language) {
            return "en".equals(language.getLanguage()) ? textEn : textVi;
        }
    }

    /** What failed, for logs and for the decision to refuse the card. */
    public enum Problem {
        NONE,
        /** A data group's hash differs from the SOD's: its content was changed. */
        HASH_MISMATCH,
        /** A data group was read that the SOD does not list. */
        NOT_IN_SOD,
        /** The SOD could not be parsed. */
        SOD_UNREADABLE,
        /** The SOD's signature does not verify with its DS certificate. */
        SIGNATURE_INVALID,
        /** The DS certificate was not issued by any configured CSCA. */
        ISSUER_UNKNOWN
    }

    /** The outcome; {@code detail} is for logs and holds no personal data. */
    public record Result(Verdict verdict, Problem problem, List<Integer> failedDataGroups, String detail) {
        public Result {
            failedDataGroups = List.copyOf(failedDataGroups);
        }

        /** True when the content itself is not what the issuer signed (not just an unknown issuer). */
        public boolean tampered() {
            return problem == Problem.HASH_MISMATCH || problem == Problem.NOT_IN_SOD
                    || problem == Problem.SOD_UNREADABLE || problem == Problem.SIGNATURE_INVALID;
        }
    }

    private static final Provider BC = new BouncyCastleProvider();

    private final List<X509Certificate> cscas;

    public PassiveAuthentication(Collection<X509Certificate> cscaCertificates) {
        this.cscas = List.copyOf(cscaCertificates);
    }

    /** Integrity and signature only: the verdict is at best {@link Verdict#INTEGRITY_ONLY}. */
    public static PassiveAuthentication withoutCsca() {
        return new PassiveAuthentication(List.of());
    }

    /** Every certificate in the key store (trusted-certificate or key entries) is a CSCA. */
    public static PassiveAuthentication fromKeyStore(KeyStore store) throws KeyStoreException {
        List<X509Certificate> out = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate c) {
                out.add(c);
            }
        }
        return new PassiveAuthentication(out);
    }

    /** CSCA certificates from PEM or DER files (a file may hold several). */
    public static PassiveAuthentication fromCertificateFiles(List<Path> files) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    for (Certificate c : cf.generateCertificates(in)) {
                        out.add((X509Certificate) c);
                    }
                }
            }
        } catch (CertificateException e) {
            throw new IOException("not an X.509 certificate file", e);
        }
        return new PassiveAuthentication(out);
    }

    public boolean hasCsca() {
        return !cscas.isEmpty();
    }

    /**
     * Checks the data groups read (number → the file's bytes as read) against the SOD file's bytes.
     */
    public Result check(byte[] sodFile, Map<Integer, byte[]> dataGroups) {
        SODFile sod;
        CMSSignedData cms;
        try {
            sod = new SODFile(new ByteArrayInputStream(sodFile));
            cms = new CMSSignedData(Tlv.value(sodFile, 0x77));
        } catch (IOException | CMSException | RuntimeException e) {
            return failed(Problem.SOD_UNREADABLE, List.of(), "SOD unreadable: " + e.getClass().getSimpleName());
        }

        Map<Integer, byte[]> signed = sod.getDataGroupHashes();
        MessageDigest digest;
        try {
            digest = digest(sod.getDigestAlgorithm());
        } catch (GeneralSecurityException | RuntimeException e) {
            return failed(Problem.SOD_UNREADABLE, List.of(), "SOD digest algorithm not supported");
        }
        List<Integer> missing = new ArrayList<>();
        List<Integer> mismatched = new ArrayList<>();
        for (var dg : new TreeMap<>(dataGroups).entrySet()) {
            byte[] expected = signed.get(dg.getKey());
            if (expected == null) {
                missing.add(dg.getKey());
            } else if (!MessageDigest.isEqual(expected, digest.digest(dg.getValue()))) {
                mismatched.add(dg.getKey());
            }
        }
        if (!mismatched.isEmpty()) {
            return failed(Problem.HASH_MISMATCH, mismatched, "hash mismatch in DG" + mismatched);
        }
        if (!missing.isEmpty()) {
            return failed(Problem.NOT_IN_SOD, missing, "not in SOD: DG" + missing);
        }

        X509Certificate ds;
        try {
            ds = signerCertificate(cms, sod);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(ds))) {
                return failed(Problem.SIGNATURE_INVALID, List.of(), "SOD signature does not verify");
            }
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            return failed(Problem.SIGNATURE_INVALID, List.of(), "SOD signature does not verify: " + e.getClass().getSimpleName());
        }

        if (cscas.isEmpty()) {
            return new Result(Verdict.INTEGRITY_ONLY, Problem.NONE, List.of(), "hashes and signature fine, no CSCA configured");
        }
        for (X509Certificate csca : cscas) {
            if (!csca.getSubjectX500Principal().equals(ds.getIssuerX500Principal())) {
                continue;
            }
            try {
                ds.verify(csca.getPublicKey(), BC);
                return new Result(Verdict.VERIFIED, Problem.NONE, List.of(), "chain to a configured CSCA");
            } catch (GeneralSecurityException e) {
                // Same name, other key (a CSCA key rollover): try the next one.
            }
        }
        return failed(Problem.ISSUER_UNKNOWN, List.of(), "DS certificate not issued by a configured CSCA");
    }

    private static Result failed(Problem p, List<Integer> dgs, String detail) {
        return new Result(Verdict.FAILED, p, dgs, detail);
    }

    private static MessageDigest digest(String algorithm) throws GeneralSecurityException {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            return MessageDigest.getInstance(algorithm, BC);
        }
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate signerCertificate(CMSSignedData cms, SODFile sod) throws GeneralSecurityException {
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
        if (!matches.isEmpty()) {
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(matches.iterator().next());
        }
        X509Certificate fromSod = sod.getDocSigningCertificate();
        if (fromSod == null) {
            throw new CertificateException("no DS certificate in the SOD");
        }
        return fromSod;
    }
}

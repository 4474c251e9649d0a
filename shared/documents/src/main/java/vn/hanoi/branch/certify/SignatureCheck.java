package vn.hanoi.branch.certify;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.bouncycastle.util.encoders.Hex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a certified copy the way a relying party would, on the last signature of the file: that
 * its ByteRange covers the whole file except the signature value, that the CMS signature verifies
 * over those bytes with the certificate named by signing-certificate-v2, that the certificate
 * chains to one of the given trust anchors, and that nothing was appended after signing.
 *
 * <p>Revocation (CRL, OCSP) is not checked: the branch has no way to reach its CA's responders
 * offline. The chain is checked at the signature timestamp's time when there is a valid one, else
 * now, as PAdES B-B has no trusted signing time.
 */
public final class SignatureCheck {

    public enum Problem {
        /** Not a PDF that can be parsed. */
        UNREADABLE,
        NOT_SIGNED,
        /** The signature is not ETSI.CAdES.detached (e.g. an older adbe.pkcs7.detached). */
        NOT_PADES,
        /** The ByteRange does not leave out exactly the Contents value, or lies outside the file. */
        BYTE_RANGE_INVALID,
        /** Bytes follow the signed range: a later revision changed or added something. */
        MODIFIED_AFTER_SIGNING,
        /** The CMS signature does not verify over the signed bytes (they changed, or it is broken). */
        SIGNATURE_INVALID,
        SIGNING_CERTIFICATE_MISSING,
        /** signing-certificate-v2 names another certificate than the one that verifies. */
        SIGNING_CERTIFICATE_MISMATCH,
        /** A CMS signing-time attribute, which PAdES forbids (the time belongs in the dictionary's M). */
        SIGNING_TIME_IN_CMS,
        /** The signer's certificate is expired or not yet valid at the validation time. */
        CERTIFICATE_NOT_VALID,
        /** The signer's certificate is not meant for signing documents. */
        KEY_USAGE,
        /** The signer's certificate does not chain to a trust anchor. */
        CHAIN_UNTRUSTED,
        /** A signature timestamp that does not verify or does not cover this signature. */
        TIMESTAMP_INVALID
    }

    /**
     * The outcome for the file's last signature. Signer fields are null when the signature could
     * not be read that far; {@code timestampTime} is null without a valid signature timestamp;
     * {@code claimedSigningTime} is the dictionary's M, which only the signer vouches for.
     */
    public record Result(String signerName, X509Certificate signerCertificate, Instant claimedSigningTime,
                         Instant timestampTime, String reason, String location, Set<Problem> problems,
                         List<String> details) {
        public Result {
            // Kept in the enum's order, most basic first, so that the first problem is the one to show.
            problems = Collections.unmodifiableSet(problems.isEmpty()
                    ? EnumSet.noneOf(Problem.class) : EnumSet.copyOf(problems));
            details = List.copyOf(details);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Set<TrustAnchor> anchors;
    private final Clock clock;

    public SignatureCheck(Collection<X509Certificate> trustAnchors) {
        this(trustAnchors, Clock.systemUTC());
    }

    private SignatureCheck(Collection<X509Certificate> trustAnchors, Clock clock) {
        Set<TrustAnchor> a = new HashSet<>();
        for (X509Certificate c : trustAnchors) {
            a.add(new TrustAnchor(c, null));
        }
        this.anchors = Set.copyOf(a);
        this.clock = clock;
    }

    /** The validation time when the signature has no timestamp. */
    public SignatureCheck withClock(Clock clock) {
        return new SignatureCheck(anchors.stream().map(TrustAnchor::getTrustedCert).toList(), clock);
    }

    public Result check(Path pdf) throws IOException {
        return check(Files.readAllBytes(pdf));
    }

    public Result check(byte[] pdf) {
        return new Run(pdf).result();
    }

    /** One check's findings, gathered as it goes. */
    private final class Run {
        private final byte[] pdf;
        private final Set<Problem> problems = EnumSet.noneOf(Problem.class);
        private final List<String> details = new ArrayList<>();
        private String reason;
        private String location;
        private Instant claimed;
        private X509Certificate signerCert;
        private Instant timestamp;

        Run(byte[] pdf) {
            this.pdf = pdf;
        }

        Result result() {
            int[] byteRange;
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDSignature last = null;
                for (PDSignature s : doc.getSignatureDictionaries()) {
                    int[] br = s.getByteRange();
                    if (last == null || (br.length == 4 && (long) br[2] + br[3] > end(last.getByteRange()))) {
                        last = s;
                    }
                }
                if (last == null) {
                    return fail(Problem.NOT_SIGNED, "no signature dictionary in the file");
                }
                if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(last.getSubFilter())) {
                    problem(Problem.NOT_PADES, "SubFilter is " + last.getSubFilter());
                }
                reason = last.getReason();
                location = last.getLocation();
                claimed = last.getSignDate() == null ? null : last.getSignDate().toInstant();
                byteRange = last.getByteRange();
            } catch (IOException | RuntimeException e) {
                return fail(Problem.UNREADABLE, "cannot parse the PDF: " + e.getMessage());
            }

            if (!coversAllButContents(byteRange)) {
                return fail(Problem.BYTE_RANGE_INVALID, "ByteRange " + Arrays.toString(byteRange)
                        + " does not cover the file of " + pdf.length + " bytes except the Contents value");
            }
            if ((long) byteRange[2] + byteRange[3] != pdf.length) {
                problem(Problem.MODIFIED_AFTER_SIGNING, (pdf.length - byteRange[2] - byteRange[3])
                        + " bytes were added after the signed range");
            }
            checkCms(byteRange);
            return done();
        }

        private boolean coversAllButContents(int[] br) {
            if (br == null || br.length != 4 || br[0] != 0 || br[1] <= 0 || br[2] <= br[1] + 1 || br[3] < 0
                    || (long) br[2] + br[3] > pdf.length) {
                return false;
            }
            // The hole must be exactly one hex string: the Contents value with its angle brackets.
            if (pdf[br[1]] != '<' || pdf[br[2] - 1] != '>') {
                return false;
            }
            for (int i = br[1] + 1; i < br[2] - 1; i++) {
                if (Character.digit(pdf[i], 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        private void checkCms(int[] br) {
            byte[] signedBytes = new byte[br[1] + br[3]];
            System.arraycopy(pdf, 0, signedBytes, 0, br[1]);
            System.arraycopy(pdf, br[2], signedBytes, br[1], br[3]);
            String hex = new String(pdf, br[1] + 1, br[2] - br[1] - 2, StandardCharsets.US_ASCII);

            SignerInformation signer;
            CMSSignedData cms;
            try (ASN1InputStream in = new ASN1InputStream(Hex.decode(hex.length() % 2 == 0 ? hex : hex + "0"))) {
                // The reserved space is zero-padded after the DER object; read the object only.
                ASN1Primitive object = in.readObject();
                cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes), ContentInfo.getInstance(object));
                if (cms.getSignerInfos().size() != 1) {
                    problem(Problem.SIGNATURE_INVALID, cms.getSignerInfos().size() + " signers, PAdES wants one");
                    return;
                }
                signer = cms.getSignerInfos().getSigners().iterator().next();
                signerCert = certificate(cms, signer);
            } catch (IOException | CMSException | GeneralSecurityException | RuntimeException e) {
                problem(Problem.SIGNATURE_INVALID, "unreadable CMS signature: " + e.getMessage());
                return;
            }
            if (signerCert == null) {
                problem(Problem.SIGNATURE_INVALID, "the signer's certificate is not in the signature");
                return;
            }
            try {
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCert))) {
                    problem(Problem.SIGNATURE_INVALID, "the signature does not verify over the signed bytes");
                }
            } catch (CMSException | OperatorCreationException | RuntimeException e) {
                // BouncyCastle reports a wrong message digest as an exception, not as false.
                problem(Problem.SIGNATURE_INVALID, "the signature does not verify: " + e.getMessage());
            }

            AttributeTable signedAttributes = signer.getSignedAttributes();
            switch (EssSigningCertificate.check(signedAttributes, signerCert)) {
                case MISSING -> problem(Problem.SIGNING_CERTIFICATE_MISSING, "no signing-certificate-v2 attribute");
                case MISMATCH -> problem(Problem.SIGNING_CERTIFICATE_MISMATCH,
                        "signing-certificate-v2 does not name the signer's certificate");
                case MATCHES -> { }
            }
            if (signedAttributes != null && signedAttributes.get(CMSAttributes.signingTime) != null) {
                problem(Problem.SIGNING_TIME_IN_CMS, "signing-time in the signed attributes");
            }
            checkTimestamp(signer);
            checkCertificate(cms);
        }

        private void checkTimestamp(SignerInformation signer) {
            AttributeTable unsigned = signer.getUnsignedAttributes();
            Attribute a = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            if (a == null) {
                return;
            }
            try {
                TimeStampToken token = new TimeStampToken(new CMSSignedData(a.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
                String digest = new DefaultAlgorithmNameFinder()
                        .getAlgorithmName(token.getTimeStampInfo().getMessageImprintAlgOID());
                byte[] imprint = MessageDigest.getInstance(digest).digest(signer.getSignature());
                if (!MessageDigest.isEqual(imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
                    problem(Problem.TIMESTAMP_INVALID, "the timestamp is for other data than this signature");
                    return;
                }
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> tsa = token.getCertificates().getMatches((Selector<X509CertificateHolder>) token.getSID());
                if (tsa.isEmpty()) {
                    problem(Problem.TIMESTAMP_INVALID, "the timestamp does not carry its TSA certificate");
                    return;
                }
                X509Certificate tsaCert = new JcaX509CertificateConverter().getCertificate(tsa.iterator().next());
                // Checks the token's signature and that the certificate is a timestamping one.
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCert));
                Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
                List<X509Certificate> tsaCerts = new ArrayList<>();
                for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                    tsaCerts.add(new JcaX509CertificateConverter().getCertificate(h));
                }
                String untrusted = chainProblem(tsaCert, tsaCerts, genTime);
                if (untrusted != null) {
                    problem(Problem.TIMESTAMP_INVALID, "the TSA is not trusted: " + untrusted);
                    return;
                }
                timestamp = genTime;
            } catch (IOException | GeneralSecurityException | CMSException | TSPException | OperatorCreationException
                     | RuntimeException e) {
                problem(Problem.TIMESTAMP_INVALID, "the timestamp does not verify: " + e.getMessage());
            }
        }

        private void checkCertificate(CMSSignedData cms) {
            Instant at = timestamp != null ? timestamp : clock.instant();
            try {
                BranchSigner.checkForSigning(signerCert, at);
            } catch (SigningKeyException e) {
                switch (e.reason()) {
                    case KEY_USAGE -> problem(Problem.KEY_USAGE, e.getMessage());
                    default -> {
                        problem(Problem.CERTIFICATE_NOT_VALID, e.getMessage() + " (checked at " + at + ")");
                        // Still tell whether it chains, at the time the signer claims.
                        if (claimed != null) {
                            at = claimed;
                        }
                    }
                }
            }
            List<X509Certificate> certs = new ArrayList<>();
            try {
                for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
                    certs.add(new JcaX509CertificateConverter().getCertificate(h));
                }
            } catch (GeneralSecurityException e) {
                problem(Problem.CHAIN_UNTRUSTED, "unreadable certificate in the signature");
                return;
            }
            String untrusted = chainProblem(signerCert, certs, at);
            if (untrusted != null) {
                problem(Problem.CHAIN_UNTRUSTED, untrusted);
            }
        }

        /** Null when {@code target} chains to a trust anchor at {@code at}, else why not. */
        private String chainProblem(X509Certificate target, List<X509Certificate> intermediates, Instant at) {
            if (anchors.isEmpty()) {
                return "no trust anchor configured";
            }
            try {
                X509CertSelector selector = new X509CertSelector();
                selector.setCertificate(target);
                PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, selector);
                params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(intermediates)));
                params.setRevocationEnabled(false);
                params.setDate(Date.from(at));
                CertPathBuilder.getInstance("PKIX").build(params);
                return null;
            } catch (GeneralSecurityException e) {
                return "no path to a trust anchor: " + e.getMessage();
            }
        }

        @SuppressWarnings("unchecked")
        private static X509Certificate certificate(CMSSignedData cms, SignerInformation signer) throws GeneralSecurityException {
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
            return matches.isEmpty() ? null : new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        }

        private static long end(int[] br) {
            return br.length == 4 ? (long) br[2] + br[3] : -1;
        }

        private void problem(Problem p, String detail) {
            problems.add(p);
            details.add(detail);
        }

        private Result fail(Problem p, String detail) {
            problem(p, detail);
            return done();
        }

        private Result done() {
            return new Result(signerCert == null ? null : BranchSigner.commonName(signerCert), signerCert, claimed,
                    timestamp, reason, location, problems, details);
        }
    }
}

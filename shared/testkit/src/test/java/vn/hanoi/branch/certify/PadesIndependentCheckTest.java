package vn.hanoi.branch.certify;

import vn.hanoi.branch.testkit.pki.TestSigningPki;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a certified copy without {@link SignatureCheck}: PDFBox finds the signature and its
 * ByteRange, BouncyCastle verifies the CMS over it and reads the attributes, and where OpenSSL is
 * installed it verifies the same detached CMS against the test root, as a third implementation.
 */
class PadesIndependentCheckTest {
    @TempDir
    static Path dir;
    static TestSigningPki pki;
    static byte[] copy;
    static byte[] signedBytes;
    static byte[] cms;

    @BeforeAll
    static void signAndExtract() throws Exception {
        pki = TestSigningPki.generate("Chi nhánh số 5");
        char[] pw = "pw".toCharArray();
        BranchSigner signer = BranchSigner.open(pki.writePkcs12(dir.resolve("b.p12"), pw), pw);
        copy = new CertifiedCopy(signer, "Chi nhánh số 5").certify(SamplePdfs.result(2), "000.00.05.H26-250512-0001");
        try (PDDocument doc = Loader.loadPDF(copy)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            int[] br = sig.getByteRange();
            assertThat(br[0]).isZero();
            assertThat((long) br[2] + br[3]).isEqualTo(copy.length);
            signedBytes = sig.getSignedContent(copy);
            cms = sig.getContents(copy);
        }
    }

    @Test
    void bouncyCastleVerifiesTheCmsOverTheByteRange() throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(signedBytes), cms);
        SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certs = signed.getCertificates().getMatches((Selector<X509CertificateHolder>) si.getSID());
        X509CertificateHolder cert = certs.iterator().next();

        assertThat(si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))).isTrue();
        assertThat(cert.getEncoded()).isEqualTo(pki.signer().getEncoded());
        assertThat(signed.getSignedContentTypeOID()).isEqualTo(CMSObjectIdentifiers.data.getId());
        assertThat(signed.getSignedContent()).isNotNull();
        // Detached: the ContentInfo inside carries no copy of the PDF.
        assertThat(ContentInfo.getInstance(new ASN1InputStream(cms).readObject()).getContent().toString())
                .doesNotContain("%PDF");
    }

    @Test
    void signedAttributesAreThePadesBaselineOnes() throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(signedBytes), cms);
        SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
        AttributeTable attrs = si.getSignedAttributes();

        assertThat(attrs.get(CMSAttributes.contentType).getAttrValues().getObjectAt(0)).isEqualTo(CMSObjectIdentifiers.data);
        assertThat(ASN1OctetString.getInstance(attrs.get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0)).getOctets())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signedBytes));
        assertThat(attrs.get(CMSAttributes.signingTime)).isNull();
        SigningCertificateV2 essV2 = SigningCertificateV2.getInstance(
                attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
        assertThat(essV2.getCerts()[0].getCertHash()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(pki.signer().getEncoded()));
        assertThat(attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificate)).as("no v1 (SHA-1) attribute").isNull();
    }

    @Test
    void openSslVerifiesTheDetachedSignatureAgainstTheRoot() throws Exception {
        assertThat(onPath("openssl")).as("openssl on the PATH (.ci/run installs it)").isTrue();
        Path sig = Files.write(dir.resolve("sig.der"), trimmed(cms));
        Path content = Files.write(dir.resolve("signed.bin"), signedBytes);
        Path root = pki.writeRootPem(dir.resolve("root.pem"));

        Process p = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(),
                "-content", content.toString(), "-CAfile", root.toString(), "-purpose", "any", "-out", "/dev/null")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Verification successful");
    }

    /** The Contents value is zero-padded to its reserved size; OpenSSL wants the DER object only. */
    private static byte[] trimmed(byte[] padded) throws Exception {
        try (ASN1InputStream in = new ASN1InputStream(padded)) {
            return in.readObject().getEncoded("DER");
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}

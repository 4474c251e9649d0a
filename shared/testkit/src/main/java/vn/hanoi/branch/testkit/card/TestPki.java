package vn.hanoi.branch.testkit.card;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import vn.hanoi.branch.testkit.pki.TestCertificates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A made-up issuer for emulated cards: a country signing CA (CSCA) and a document signer (DS)
 * certificate it issued, with fresh EC P-256 keys each run. Its names say "TEST"; no real card
 * verifies against it and no real CSCA is involved. Tests configure {@link #csca()} as the trust
 * anchor to get a VERIFIED passive authentication.
 */
public final class TestPki {
    private static TestPki shared;

    private final X509Certificate csca;
    private final X509Certificate documentSigner;
    private final PrivateKey documentSignerKey;

    private TestPki(X509Certificate csca, X509Certificate documentSigner, PrivateKey documentSignerKey) {
        this.csca = csca;
        this.documentSigner = documentSigner;
        this.documentSignerKey = documentSignerKey;
    }

    /** One issuer per JVM, so every emulated card of a run chains to the same CSCA. */
    public static synchronized TestPki shared() {
        if (shared == null) {
            shared = generate("TEST CSCA Viet Nam - emulator only");
        }
        return shared;
    }

    /** A new, separate issuer (e.g. to play a forger whose DS no configured CSCA issued). */
    public static TestPki generate(String cscaName) {
        try {
            KeyPair cscaKeys = TestCertificates.ecKeys();
            KeyPair dsKeys = TestCertificates.ecKeys();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X509Certificate csca = TestCertificates.root(new X500Name("C=VN, O=TEST Card Emulator, CN=" + cscaName),
                    cscaKeys, now.minus(1, ChronoUnit.DAYS), now.plus(3650, ChronoUnit.DAYS));
            X509Certificate ds = TestCertificates.issue(csca, cscaKeys.getPrivate(),
                    new X500Name("C=VN, O=TEST Card Emulator, CN=TEST Document Signer"), dsKeys.getPublic(),
                    now.minus(1, ChronoUnit.DAYS), now.plus(1825, ChronoUnit.DAYS),
                    new Extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature).getEncoded()));
            return new TestPki(csca, ds, dsKeys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the test PKI", e);
        }
    }

    public X509Certificate csca() {
        return csca;
    }

    public X509Certificate documentSigner() {
        return documentSigner;
    }

    PrivateKey documentSignerKey() {
        return documentSignerKey;
    }

    /** Writes the CSCA certificate as PEM, e.g. for {@code CardTool read-card --csca FILE}. */
    public Path writeCscaPem(Path file) throws IOException {
        try {
            return Files.writeString(file, TestCertificates.pem(csca), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}

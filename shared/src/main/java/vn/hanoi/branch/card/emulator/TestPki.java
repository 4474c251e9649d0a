package vn.hanoi.branch.card.emulator;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

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
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair cscaKeys = g.generateKeyPair();
            KeyPair dsKeys = g.generateKeyPair();
            X500Name cscaSubject = new X500Name("C=VN, O=TEST Card Emulator, CN=" + cscaName);
            X500Name dsSubject = new X500Name("C=VN, O=TEST Card Emulator, CN=TEST Document Signer");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

            X509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(cscaSubject, serial(),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), cscaSubject,
                    cscaKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(cscaKeys.getPublic()));
            X509Certificate csca = sign(cb, cscaKeys.getPrivate());

            X509v3CertificateBuilder db = new JcaX509v3CertificateBuilder(csca, serial(),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1825, ChronoUnit.DAYS)), dsSubject,
                    dsKeys.getPublic())
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(csca))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(dsKeys.getPublic()));
            X509Certificate ds = sign(db, cscaKeys.getPrivate());
            return new TestPki(csca, ds, dsKeys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
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
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(csca.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static BigInteger serial() {
        return new BigInteger(63, new SecureRandom());
    }
}

package vn.hanoi.branch.testkit.pki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A made-up PKI for tests and the demo: a root CA and a branch document signing certificate it
 * issued, written to a PKCS#12 file as the branch would get it from its CA. The names say "TEST";
 * no reader trusts the root unless told to. The shape of the signing certificate is what a real one
 * should look like: key usage digitalSignature and nonRepudiation (critical), extended key usage
 * document signing (RFC 9336) and emailProtection, which Acrobat accepts.
 */
public final class TestSigningPki {
    /** id-kp-documentSigning (RFC 9336); BouncyCastle 1.79 has no constant for it. */
    private static final KeyPurposeId DOCUMENT_SIGNING =
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));

    private final X509Certificate root;
    private final PrivateKey rootKey;
    private final X509Certificate signer;
    private final PrivateKey signerKey;

    private TestSigningPki(X509Certificate root, PrivateKey rootKey, X509Certificate signer, PrivateKey signerKey) {
        this.root = root;
        this.rootKey = rootKey;
        this.signer = signer;
        this.signerKey = signerKey;
    }

    /** EC P-256 keys, certificate valid from yesterday for two years. */
    public static TestSigningPki generate(String branchName) {
        return builder(branchName).build();
    }

    public static Builder builder(String branchName) {
        return new Builder(branchName);
    }

    public static final class Builder {
        private final String branchName;
        private boolean rsa;
        private Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
        private Instant notAfter = notBefore.plus(731, ChronoUnit.DAYS);
        private boolean keyUsage = true;

        private Builder(String branchName) {
            this.branchName = branchName;
        }

        /** RSA 2048 instead of EC P-256, as most Vietnamese CAs issue to organisations. */
        public Builder rsa() {
            this.rsa = true;
            return this;
        }

        public Builder validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        /** Leaves out key usage and extended key usage: a certificate no signer should accept. */
        public Builder withoutKeyUsage() {
            this.keyUsage = false;
            return this;
        }

        public TestSigningPki build() {
            try {
                KeyPair rootKeys = rsa ? TestCertificates.rsaKeys(2048) : TestCertificates.ecKeys();
                KeyPair signerKeys = rsa ? TestCertificates.rsaKeys(2048) : TestCertificates.ecKeys();
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                X500Name rootName = new X500NameBuilder(BCStyle.INSTANCE)
                        .addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "TEST Branch PKI")
                        .addRDN(BCStyle.CN, "TEST Root CA for certified copies").build();
                X509Certificate root = TestCertificates.root(rootName, rootKeys,
                        now.minus(2, ChronoUnit.DAYS).isBefore(notBefore) ? now.minus(2, ChronoUnit.DAYS) : notBefore,
                        now.plus(3650, ChronoUnit.DAYS));
                // Built RDN by RDN: branch names carry commas and diacritics that a DN string would mangle.
                X500Name signerName = new X500NameBuilder(BCStyle.INSTANCE)
                        .addRDN(BCStyle.C, "VN").addRDN(BCStyle.L, "Hà Nội").addRDN(BCStyle.O, "TEST " + branchName)
                        .addRDN(BCStyle.CN, "TEST " + branchName).build();
                Extension[] extensions = keyUsage
                        ? new Extension[] {
                                new Extension(Extension.keyUsage, true,
                                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation).getEncoded()),
                                new Extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                                        DOCUMENT_SIGNING,
                                        KeyPurposeId.id_kp_emailProtection}).getEncoded())}
                        : new Extension[0];
                X509Certificate signer = TestCertificates.issue(root, rootKeys.getPrivate(), signerName,
                        signerKeys.getPublic(), notBefore, notAfter, extensions);
                return new TestSigningPki(root, rootKeys.getPrivate(), signer, signerKeys.getPrivate());
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot make the test signing PKI", e);
            }
        }
    }

    public X509Certificate root() {
        return root;
    }

    /** The root's key, for tests that issue more certificates under it (e.g. a timestamping unit). */
    public PrivateKey rootKey() {
        return rootKey;
    }

    public X509Certificate signer() {
        return signer;
    }

    /**
     * Writes the signing key with its chain (signer, root) to a PKCS#12 file, owner-only where the
     * file system allows, as a real key file should be kept.
     */
    public Path writePkcs12(Path file, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("branch-signing", signerKey, password, new Certificate[] {signer, root});
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            ownerOnly(file);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the test PKCS#12 file", e);
        }
    }

    /** Writes a password file as {@link BranchSigner#open(Path, Path)} expects it: one line, 0600. */
    public static Path writePasswordFile(Path file, char[] password) throws IOException {
        Files.writeString(file, new String(password) + "\n", StandardCharsets.UTF_8);
        ownerOnly(file);
        return file;
    }

    public Path writeRootPem(Path file) throws IOException {
        try {
            return Files.writeString(file, TestCertificates.pem(root), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}

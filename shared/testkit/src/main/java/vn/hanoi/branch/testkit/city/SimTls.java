package vn.hanoi.branch.testkit.city;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import vn.hanoi.branch.testkit.pki.TestCertificates;

/**
 * The simulator's TEST server certificate: a made-up "city" CA and a certificate for localhost and
 * 127.0.0.1 it issues, made at start. The CA is written as PEM so a branch agent can trust it
 * ({@code city.ca.file}), as it would trust the real city's CA.
 */
final class SimTls {
    final SSLContext context;
    final X509Certificate ca;
    final X509Certificate server;

    private SimTls(SSLContext context, X509Certificate ca, X509Certificate server) {
        this.context = context;
        this.ca = ca;
        this.server = server;
    }

    static SimTls generate() throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        KeyPair caKeys = TestCertificates.ecKeys();
        X509Certificate ca = TestCertificates.root(new X500Name("CN=TEST City Integration CA (simulator),O=TEST"), caKeys,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        KeyPair keys = TestCertificates.ecKeys();
        X509Certificate cert = TestCertificates.issue(ca, caKeys.getPrivate(), new X500Name("CN=localhost,O=TEST city simulator"),
                keys.getPublic(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                new Extension(Extension.basicConstraints, true, new BasicConstraints(false).getEncoded()),
                new Extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth).getEncoded()),
                new Extension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}).getEncoded()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "sim".toCharArray();
        ks.setKeyEntry("server", keys.getPrivate(), pw, new X509Certificate[] {cert, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return new SimTls(ctx, ca, cert);
    }

    Path writeCaPem(Path file) throws GeneralSecurityException, IOException {
        Files.writeString(file, TestCertificates.pem(ca), StandardCharsets.US_ASCII);
        return file;
    }
}

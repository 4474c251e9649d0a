package vn.hanoi.branch.agent.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom the agent trusts as the city: the CAs in a configured PEM file ({@code city.ca.file}), or exactly
 * one server key ({@code city.pin.sha256}: base64 SHA-256 of the certificate's SubjectPublicKeyInfo), or
 * both (then the chain must verify and the key must match). Never the whole system trust store alone:
 * a branch talks to one city.
 */
final class CityTls {
    final SSLContext context;
    final X509TrustManager trust;

    private CityTls(SSLContext context, X509TrustManager trust) {
        this.context = context;
        this.trust = trust;
    }

    static CityTls of(Path caFile, String pin) throws IOException, GeneralSecurityException {
        X509TrustManager chain = null;
        if (caFile != null) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            try (InputStream in = Files.newInputStream(caFile)) {
                int i = 0;
                for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    ks.setCertificateEntry("city-ca-" + i++, c);
                }
                if (i == 0) {
                    throw new GeneralSecurityException("no certificate in city.ca.file " + caFile);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            chain = (X509TrustManager) tmf.getTrustManagers()[0];
        }
        if (chain == null && (pin == null || pin.isBlank())) {
            throw new GeneralSecurityException("set city.ca.file or city.pin.sha256: the agent does not talk to an unverified city");
        }
        X509TrustManager tm = new Pinned(chain, pin == null || pin.isBlank() ? null : Base64.getDecoder().decode(pin.strip()));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        return new CityTls(ctx, tm);
    }

    /** Chain check (when a CA is configured) and the pin on the server's own key (when one is). */
    private record Pinned(X509TrustManager chain, byte[] pin) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
            if (chain != null) {
                chain.checkServerTrusted(certs, authType);
            } else {
                certs[0].checkValidity();
            }
            if (pin != null) {
                try {
                    byte[] actual = MessageDigest.getInstance("SHA-256").digest(certs[0].getPublicKey().getEncoded());
                    if (!MessageDigest.isEqual(actual, pin)) {
                        throw new CertificateException("the city's certificate key does not match city.pin.sha256");
                    }
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new CertificateException(e);
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return chain == null ? new X509Certificate[0] : chain.getAcceptedIssuers();
        }
    }
}

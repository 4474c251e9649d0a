package vn.hanoi.branch.certify;

import vn.hanoi.branch.testkit.pki.TestSigningPki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import vn.hanoi.branch.testkit.pki.TestCertificates;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process RFC 3161 time-stamping unit under the test PKI's root, standing in for a TSA the
 * branches cannot reach: it goes through request, response and response validation as a client would.
 */
final class TestTsa implements Timestamper {
    private final TimeStampResponseGenerator responder;
    final AtomicInteger calls = new AtomicInteger();
    byte[] lastSignatureValue;

    TestTsa(TestSigningPki pki) throws Exception {
        KeyPair keys = TestCertificates.ecKeys();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate cert = TestCertificates.issue(pki.root(), pki.rootKey(),
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.CN, "TEST TSA").build(),
                keys.getPublic(), now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS),
                new Extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature).getEncoded()),
                new Extension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping).getEncoded()));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.getPrivate(), cert),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(cert)));
        responder = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    }

    @Override
    public byte[] timestampToken(byte[] signatureValue) throws IOException {
        calls.incrementAndGet();
        lastSignatureValue = signatureValue.clone();
        try {
            TimeStampRequestGenerator rg = new TimeStampRequestGenerator();
            rg.setCertReq(true);
            BigInteger nonce = BigInteger.valueOf(System.nanoTime());
            TimeStampRequest request = rg.generate(TSPAlgorithms.SHA256,
                    MessageDigest.getInstance("SHA-256").digest(signatureValue), nonce);
            TimeStampResponse response = new TimeStampResponse(
                    responder.generate(request, BigInteger.valueOf(calls.get()), new Date()).getEncoded());
            response.validate(request);
            return response.getTimeStampToken().getEncoded();
        } catch (Exception e) {
            throw new IOException("test TSA failed", e);
        }
    }
}

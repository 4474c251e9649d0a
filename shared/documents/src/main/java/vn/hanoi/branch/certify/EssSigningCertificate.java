package vn.hanoi.branch.certify;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;

/**
 * The ESS signing-certificate-v2 attribute (RFC 5035): a signed hash of the signer's certificate.
 * CAdES requires it because the certificates in a CMS message are not signed; without it another
 * certificate with the same key could be claimed as the signer's.
 */
final class EssSigningCertificate {

    private EssSigningCertificate() {
    }

    /** SHA-256 (the field's default, so left out of the encoding) and the issuer and serial number. */
    static Attribute attribute(X509Certificate signer) throws GeneralSecurityException {
        try {
            X509CertificateHolder holder = new X509CertificateHolder(signer.getEncoded());
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())),
                    holder.getSerialNumber());
            ESSCertIDv2 id = new ESSCertIDv2(hash, issuerSerial);
            return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode the signing certificate", e);
        }
    }

    enum Match { MATCHES, MISSING, MISMATCH }

    /** Whether the first ESSCertIDv2 of the signed attributes names {@code signer}. */
    static Match check(AttributeTable signedAttributes, X509Certificate signer) {
        Attribute a = signedAttributes == null ? null : signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (a == null || a.getAttrValues().size() != 1) {
            return Match.MISSING;
        }
        try {
            ASN1Encodable value = a.getAttrValues().getObjectAt(0);
            ESSCertIDv2[] ids = SigningCertificateV2.getInstance(value).getCerts();
            if (ids.length == 0) {
                return Match.MISSING;
            }
            ESSCertIDv2 id = ids[0];
            AlgorithmIdentifier alg = id.getHashAlgorithm();
            String digest = alg.getAlgorithm().equals(NISTObjectIdentifiers.id_sha256) ? "SHA-256"
                    : alg.getAlgorithm().getId();
            byte[] hash = MessageDigest.getInstance(digest).digest(signer.getEncoded());
            if (!MessageDigest.isEqual(hash, id.getCertHash())) {
                return Match.MISMATCH;
            }
            IssuerSerial is = id.getIssuerSerial();
            if (is != null) {
                X509CertificateHolder holder = new X509CertificateHolder(signer.getEncoded());
                if (!is.getSerial().hasValue(holder.getSerialNumber())
                        || !is.getIssuer().equals(new GeneralNames(new GeneralName(holder.getIssuer())))) {
                    return Match.MISMATCH;
                }
            }
            return Match.MATCHES;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return Match.MISMATCH;
        }
    }
}

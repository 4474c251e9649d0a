package vn.hanoi.branch.certify;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAttributeTableGenerator;

import java.util.Map;

/**
 * The signed attributes of a PAdES baseline signature: content-type, message-digest,
 * signing-certificate-v2 and CMS algorithm protection (RFC 6211, against swapping the algorithms).
 * Unlike BouncyCastle's default generator it adds no signing-time: PAdES forbids it and takes the
 * claimed time from the signature dictionary's M entry instead.
 */
final class PadesSignedAttributes implements CMSAttributeTableGenerator {
    private final Attribute signingCertificate;

    PadesSignedAttributes(Attribute signingCertificate) {
        this.signingCertificate = signingCertificate;
    }

    @Override
    public AttributeTable getAttributes(@SuppressWarnings("rawtypes") Map parameters) {
        ASN1ObjectIdentifier contentType = (ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE);
        byte[] digest = (byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST);
        AlgorithmIdentifier digestAlgorithm =
                (AlgorithmIdentifier) parameters.get(CMSAttributeTableGenerator.DIGEST_ALGORITHM_IDENTIFIER);
        AlgorithmIdentifier signatureAlgorithm =
                (AlgorithmIdentifier) parameters.get(CMSAttributeTableGenerator.SIGNATURE_ALGORITHM_IDENTIFIER);

        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
        v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(digest))));
        v.add(signingCertificate);
        v.add(new Attribute(CMSAttributes.cmsAlgorithmProtect, new DERSet(
                new CMSAlgorithmProtection(digestAlgorithm, CMSAlgorithmProtection.SIGNATURE, signatureAlgorithm))));
        return new AttributeTable(v);
    }
}

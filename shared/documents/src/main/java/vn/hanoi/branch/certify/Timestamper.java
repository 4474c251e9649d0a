package vn.hanoi.branch.certify;

import java.io.IOException;

/**
 * The hook for PAdES B-T: a time-stamping authority (RFC 3161) that vouches the signature existed
 * at a time, so that it stays verifiable after the signing certificate expires or is revoked.
 *
 * <p>{@link CertifiedCopy} calls it once per copy with the CMS signature value (the bytes of the
 * SignerInfo's {@code signature} field) and puts the answer, unchanged, into the SignerInfo as the
 * unsigned attribute {@code id-aa-signatureTimeStampToken} (1.2.840.113549.1.9.16.2.14). An
 * implementation typically hashes the value with SHA-256, sends a {@code TimeStampReq} with that
 * imprint, {@code certReq = true} and a nonce over HTTP ({@code application/timestamp-query}),
 * checks the response's status, nonce and imprint, and returns its {@code timeStampToken}.
 *
 * <p>No TSA is reachable from the branches yet, so nothing implements this outside the tests; a
 * copy signed without one is PAdES B-B, with the claimed time in the signature dictionary only.
 */
@FunctionalInterface
public interface Timestamper {

    /**
     * @param signatureValue the SignerInfo's signature value, to be time-stamped
     * @return a DER-encoded RFC 3161 TimeStampToken (a CMS ContentInfo of type SignedData)
     * @throws IOException when the TSA cannot be reached or its answer does not fit the request;
     *         the copy is then not signed, rather than signed without the time asked for
     */
    byte[] timestampToken(byte[] signatureValue) throws IOException;
}

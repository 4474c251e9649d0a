package vn.hanoi.branch.certify;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import vn.hanoi.branch.files.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The branch's document signing key and its certificate chain, from a PKCS#12 file. Opening it
 * checks what would otherwise only show up as a rejected copy in the citizen's hands: the password,
 * the certificate's validity today, and that it is meant for signing documents.
 */
public final class BranchSigner {
    /**
     * Extended key usages under which PDF readers accept a document signature: RFC 9336 document
     * signing, S/MIME (what most CAs issue to organisations), Adobe's and Microsoft's document
     * signing, or any. A certificate with an EKU outside this list is refused by Acrobat.
     */
    static final Set<String> DOCUMENT_SIGNING_EKUS = Set.of(
            "1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4", "1.2.840.113583.1.1.5", "1.3.6.1.4.1.311.10.3.12", "2.5.29.37.0");

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private BranchSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /**
     * Opens the key with a password read from {@code passwordFile}: UTF-8, one line, readable by its
     * owner only (0600 or 0400 where the file system has POSIX permissions).
     */
    public static BranchSigner open(Path pkcs12, Path passwordFile) throws SigningKeyException {
        char[] password = readPasswordFile(passwordFile);
        try {
            return open(pkcs12, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Opens the key and checks it for use now. The caller owns {@code password} and should clear it. */
    public static BranchSigner open(Path pkcs12, char[] password) throws SigningKeyException {
        return open(pkcs12, password, Instant.now());
    }

    /** As {@link #open(Path, char[])}, with the certificate checked for use at {@code at}. */
    public static BranchSigner open(Path pkcs12, char[] password, Instant at) throws SigningKeyException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            // The JDK reports a failed MAC check, i.e. a wrong password, as an IOException caused by this.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new SigningKeyException(SigningKeyException.Reason.WRONG_PASSWORD,
                        "wrong password for the signing key file " + pkcs12, e.getCause());
            }
            throw new SigningKeyException(SigningKeyException.Reason.UNREADABLE,
                    "cannot read the signing key file " + pkcs12 + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SigningKeyException(SigningKeyException.Reason.UNREADABLE,
                    "cannot read the signing key file " + pkcs12 + ": " + e.getMessage(), e);
        }

        // A renewal may leave the old key beside the new one: take the usable key that lasts longest,
        // and when none is usable, say why the first one is not.
        BranchSigner best = null;
        SigningKeyException firstProblem = null;
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key k;
                try {
                    k = store.getKey(alias, password);
                } catch (UnrecoverableKeyException e) {
                    throw new SigningKeyException(SigningKeyException.Reason.WRONG_PASSWORD,
                            "wrong password for the key '" + alias + "' in " + pkcs12, e);
                }
                Certificate[] certs = store.getCertificateChain(alias);
                if (!(k instanceof PrivateKey pk) || certs == null || certs.length == 0
                        || !(certs[0] instanceof X509Certificate)) {
                    continue;
                }
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : certs) {
                    chain.add((X509Certificate) c);
                }
                try {
                    checkForSigning(chain.get(0), at);
                } catch (SigningKeyException e) {
                    if (firstProblem == null) {
                        firstProblem = e;
                    }
                    continue;
                }
                if (best == null || chain.get(0).getNotAfter().after(best.certificate().getNotAfter())) {
                    best = new BranchSigner(pk, chain);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new SigningKeyException(SigningKeyException.Reason.UNREADABLE,
                    "cannot read the signing key file " + pkcs12 + ": " + e.getMessage(), e);
        }
        if (best != null) {
            return best;
        }
        if (firstProblem != null) {
            throw firstProblem;
        }
        throw new SigningKeyException(SigningKeyException.Reason.NO_KEY,
                "no private key with a certificate in " + pkcs12);
    }

    /** Validity at {@code at}, key usage and extended key usage of a document signing certificate. */
    static void checkForSigning(X509Certificate c, Instant at) throws SigningKeyException {
        String who = c.getSubjectX500Principal().getName();
        if (at.isAfter(c.getNotAfter().toInstant())) {
            throw new SigningKeyException(SigningKeyException.Reason.EXPIRED,
                    "the signing certificate of " + who + " expired on " + c.getNotAfter().toInstant());
        }
        if (c.getNotBefore().after(Date.from(at))) {
            throw new SigningKeyException(SigningKeyException.Reason.NOT_YET_VALID,
                    "the signing certificate of " + who + " is valid from " + c.getNotBefore().toInstant() + " only");
        }
        boolean[] ku = c.getKeyUsage();
        // digitalSignature (0) or nonRepudiation (1): which one a CA sets for document signing varies.
        if (ku == null || !(ku[0] || ku[1])) {
            throw new SigningKeyException(SigningKeyException.Reason.KEY_USAGE, "the certificate of " + who
                    + (ku == null ? " has no key usage" : " has a key usage without digitalSignature or nonRepudiation"));
        }
        try {
            List<String> eku = c.getExtendedKeyUsage();
            if (eku != null && eku.stream().noneMatch(DOCUMENT_SIGNING_EKUS::contains)) {
                throw new SigningKeyException(SigningKeyException.Reason.KEY_USAGE,
                        "the certificate of " + who + " is not for document signing (extended key usage " + eku + ")");
            }
        } catch (CertificateParsingException e) {
            throw new SigningKeyException(SigningKeyException.Reason.KEY_USAGE,
                    "unreadable extended key usage in the certificate of " + who, e);
        }
    }

    private static char[] readPasswordFile(Path file) throws SigningKeyException {
        try {
            Set<PosixFilePermission> others = OwnerOnly.exposure(file);
            if (!others.isEmpty()) {
                throw new SigningKeyException(SigningKeyException.Reason.PASSWORD_FILE_EXPOSED,
                        "the password file " + file + " is open to others " + others + "; chmod 600 it");
            }
            byte[] bytes = Files.readAllBytes(file);
            try {
                // Decode without a String, so that the password can be wiped from memory afterwards.
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                int end = chars.limit();
                while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
                    end--;
                }
                char[] password = new char[end];
                chars.get(0, password);
                Arrays.fill(chars.array(), '\0');
                return password;
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (CharacterCodingException e) {
            throw new SigningKeyException(SigningKeyException.Reason.UNREADABLE,
                    "the password file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new SigningKeyException(SigningKeyException.Reason.UNREADABLE,
                    "cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The signing certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The signing certificate first, then its issuers as the file holds them. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The signer's common name (or whole subject), as PDF readers show the signer. */
    public String signerName() {
        return commonName(certificate());
    }

    static String commonName(X509Certificate c) {
        X500Name name = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length > 0 ? IETFUtils.valueToString(cn[0].getFirst().getValue()) : name.toString();
    }

    PrivateKey key() {
        return key;
    }

    /** SHA-256 with the key's own scheme: the baseline for PAdES and what every reader verifies. */
    String signatureAlgorithm() {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalStateException("unsupported signing key type " + key.getAlgorithm());
        };
    }

    @Override
    public String toString() {
        return "BranchSigner[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}

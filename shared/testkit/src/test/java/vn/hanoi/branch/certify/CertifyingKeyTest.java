package vn.hanoi.branch.certify;

import vn.hanoi.branch.testkit.pki.TestSigningPki;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link BranchSigner}: the errors a clerk can act on, before any copy is signed. */
class CertifyingKeyTest {
    static final String PASSWORD = "Đúng-mật-khẩu-2025";

    @TempDir
    static Path dir;
    static TestSigningPki pki;
    static Path p12;

    @BeforeAll
    static void keyFile() throws Exception {
        pki = TestSigningPki.generate("Chi nhánh số 5");
        p12 = pki.writePkcs12(dir.resolve("branch.p12"), PASSWORD.toCharArray());
    }

    @Test
    void opensWithThePasswordAndKeepsTheChain() throws Exception {
        BranchSigner s = BranchSigner.open(p12, PASSWORD.toCharArray());

        assertThat(s.certificate()).isEqualTo(pki.signer());
        assertThat(s.chain()).containsExactly(pki.signer(), pki.root());
        assertThat(s.signerName()).isEqualTo("TEST Chi nhánh số 5");
        assertThat(s.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void wrongPasswordIsSaidSoWithoutTheTypedPassword() {
        String typed = "sai-mat-khau";

        SigningKeyException e = catchThrowableOfType(SigningKeyException.class,
                () -> BranchSigner.open(p12, typed.toCharArray()));

        assertThat(e.reason()).isEqualTo(SigningKeyException.Reason.WRONG_PASSWORD);
        assertThat(e).hasMessageContaining("wrong password").hasMessageContaining(p12.toString());
        assertThat(e.getMessage()).doesNotContain(typed).doesNotContain(PASSWORD);
    }

    @Test
    void passwordFileOfTheOwnerOnly() throws Exception {
        Path file = TestSigningPki.writePasswordFile(dir.resolve("p12.pass"), PASSWORD.toCharArray());

        assertThat(BranchSigner.open(p12, file).certificate()).isEqualTo(pki.signer());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> BranchSigner.open(p12, file))
                .isInstanceOfSatisfying(SigningKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningKeyException.Reason.PASSWORD_FILE_EXPOSED))
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        Instant now = Instant.now();
        TestSigningPki old = TestSigningPki.builder("Chi nhánh cũ")
                .validity(now.minus(800, ChronoUnit.DAYS), now.minus(70, ChronoUnit.DAYS)).build();
        Path file = old.writePkcs12(dir.resolve("old.p12"), PASSWORD.toCharArray());

        assertThatThrownBy(() -> BranchSigner.open(file, PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SigningKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningKeyException.Reason.EXPIRED))
                .hasMessageContaining("expired");
        // The same key was fine while its certificate was valid.
        assertThat(BranchSigner.open(file, PASSWORD.toCharArray(), now.minus(100, ChronoUnit.DAYS))).isNotNull();
    }

    @Test
    void certificateWithoutKeyUsageIsRefused() throws Exception {
        TestSigningPki bare = TestSigningPki.builder("Chi nhánh lạ").withoutKeyUsage().build();
        Path file = bare.writePkcs12(dir.resolve("bare.p12"), PASSWORD.toCharArray());

        assertThatThrownBy(() -> BranchSigner.open(file, PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SigningKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningKeyException.Reason.KEY_USAGE))
                .hasMessageContaining("key usage");
    }

    @Test
    void notAKeyFile() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not pkcs12");

        assertThatThrownBy(() -> BranchSigner.open(junk, PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SigningKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningKeyException.Reason.UNREADABLE));
    }
}

package vn.hanoi.branch.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void hashVerifiesOnlyTheRightPasswordAndIsSalted() {
        String h1 = Passwords.hash("đúng-mật-khẩu".toCharArray());
        String h2 = Passwords.hash("đúng-mật-khẩu".toCharArray());
        assertThat(h1).startsWith("pbkdf2-sha256$" + Passwords.ITERATIONS + "$").isNotEqualTo(h2);
        assertThat(Passwords.verify("đúng-mật-khẩu".toCharArray(), h1)).isTrue();
        assertThat(Passwords.verify("sai-mật-khẩu".toCharArray(), h1)).isFalse();
        assertThat(Passwords.verify("x".toCharArray(), "plain-text")).isFalse();
    }
}

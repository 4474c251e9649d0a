package vn.hanoi.branch.kiosk.lockdown;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.client.KioskClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IT sign-in rules against a real agent, without a screen (calls run inline): a supervisor is no
 * more IT than a clerk, the kiosk's lockout ends after its minute, and the kiosk's own client never
 * holds the IT session.
 */
class ItSignInModelTest {
    private static TestAgent agent;
    private static Sessions.Login supervisor;

    @BeforeAll
    static void start() {
        agent = TestAgent.start();
        supervisor = agent.staffAccount(Role.SUPERVISOR);
        agent.agent().auth().createUser(Principal.SYSTEM, new Sessions.NewUser("it8", "IT Thử nghiệm", "1357924680", Role.IT));
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void aSupervisorIsRefusedAndTheLockoutEndsAfterItsMinute() {
        KioskClient kiosk = agent.kioskClient();
        MovableClock clock = new MovableClock();
        ItSignInModel model = new ItSignInModel(() -> kiosk, Runnable::run, Runnable::run, clock);

        attempt(model, supervisor.username(), supervisor.password());
        assertThat(model.messageProperty().get()[0]).contains("không phải tài khoản IT");
        assertThat(model.messageProperty().get()[1]).contains("not an IT account");
        attempt(model, "it8", "0000000000");
        assertThat(model.messageProperty().get()[1]).contains("Wrong username or password");
        attempt(model, "it8", "1111111111");
        assertThat(model.messageProperty().get()[0]).contains("thử lại sau 60 giây");

        clock.move(Duration.ofSeconds(30));
        attempt(model, "it8", "1357924680");
        assertThat(model.signedInProperty().get()).as("still locked").isNull();
        assertThat(model.messageProperty().get()[1]).contains("try again in 30 seconds");

        clock.move(Duration.ofSeconds(31));
        attempt(model, "it8", "1357924680");
        assertThat(model.signedInProperty().get()).isNotNull();
        assertThat(model.signedInProperty().get().role()).isEqualTo(Role.IT);
        assertThat(model.pinProperty().get()).as("the PIN does not stay in memory").isEmpty();
        // The citizens' client acts as the kiosk only: IT's session ends, the kiosk's calls go on.
        model.signOut();
        assertThat(model.signedInProperty().get()).isNull();
        assertThat(kiosk.services()).as("the citizens' client acts as the kiosk only").isNotEmpty();
    }

    @Test
    void screenKeysTypeIntoTheChosenFieldAndNextSignsIn() {
        KioskClient kiosk = agent.kioskClient();
        ItSignInModel model = new ItSignInModel(() -> kiosk, Runnable::run, Runnable::run, Clock.systemUTC());
        "it8".chars().forEach(c -> model.type((char) c));
        model.next();
        "13579246800".chars().forEach(c -> model.type((char) c));
        model.backspace();
        model.next();
        assertThat(model.signedInProperty().get()).isNotNull();
        model.signOut();
        assertThat(model.signedInProperty().get()).isNull();
        assertThat(model.usernameProperty().get()).isEmpty();
        assertThat(model.typingProperty().get()).isEqualTo(ItSignInModel.Field.USERNAME);
    }

    private static void attempt(ItSignInModel model, String user, String pin) {
        model.usernameProperty().set(user);
        model.pinProperty().set(pin);
        model.signIn();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T03:00:00Z");

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

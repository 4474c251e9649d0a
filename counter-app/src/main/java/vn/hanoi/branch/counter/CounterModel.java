package vn.hanoi.branch.counter;

import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.client.CounterClient;
import vn.hanoi.branch.counter.admin.AdminModel;
import vn.hanoi.branch.counter.desk.DeskModel;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.counter.supervisor.SupervisorModel;
import vn.hanoi.branch.printer.TicketPrinter;

import java.util.concurrent.Executor;

/**
 * The counter app's view models on one agent session: sign-in (login and counter choice screens), the
 * desk (desk screen), the supervisor's overview (supervisor screen) and the administration screens.
 * Sign-in, desk and dossier work share one busy flag and one message line, as the clerk sees one request
 * at a time.
 */
public final class CounterModel implements AutoCloseable {
    private final SignInModel signIn;
    private final DeskModel desk;
    private final SupervisorModel supervisor;
    private final AdminModel admin;

    /** @param slipPrinter the counter's thermal printer, or null when it has none */
    public CounterModel(CounterClient counterPc, TicketPrinter slipPrinter, Executor background, Executor ui) {
        AgentTasks tasks = new AgentTasks(background, ui);
        this.signIn = new SignInModel(counterPc, tasks, this::openDesk);
        this.desk = new DeskModel(counterPc, signIn, tasks, slipPrinter, background, ui);
        this.supervisor = new SupervisorModel(counterPc, signIn::supervisor, background, ui);
        this.admin = new AdminModel(signIn, background, ui);
        // The overview follows the branch only while it is shown.
        signIn.stepProperty().addListener((o, was, now) -> {
            if (now == SignInModel.Step.SUPERVISOR) {
                supervisor.start();
            } else {
                supervisor.stop();
            }
        });
    }

    public CounterModel(CounterClient counterPc, Executor background, Executor ui) {
        this(counterPc, null, background, ui);
    }

    private Runnable openDesk(CounterInfo counter) {
        return desk.load(counter);
    }

    public SignInModel signIn() {
        return signIn;
    }

    public DeskModel desk() {
        return desk;
    }

    public SupervisorModel supervisor() {
        return supervisor;
    }

    /** The administration screens (services, counters, hall notices; for IT accounts and devices). */
    public AdminModel admin() {
        return admin;
    }

    @Override
    public void close() {
        desk.close();
        supervisor.close();
    }
}

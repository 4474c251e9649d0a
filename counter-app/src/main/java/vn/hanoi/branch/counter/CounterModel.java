package vn.hanoi.branch.counter;

import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.counter.desk.DeskModel;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.counter.supervisor.SupervisorModel;
import vn.hanoi.branch.printer.TicketPrinter;

import java.util.concurrent.Executor;

/**
 * The counter app's view models on one agent session: sign-in (login and counter choice screens), the
 * desk (desk screen) and the supervisor's overview (supervisor screen). Sign-in, desk and dossier work
 * share one busy flag and one message line, as the clerk sees one request at a time.
 */
public final class CounterModel implements AutoCloseable {
    private final SignInModel signIn;
    private final DeskModel desk;
    private final SupervisorModel supervisor;

    /** @param slipPrinter the counter's thermal printer, or null when it has none */
    public CounterModel(AgentClient agent, TicketPrinter slipPrinter, Executor background, Executor ui) {
        AgentTasks tasks = new AgentTasks(background, ui);
        this.signIn = new SignInModel(agent, tasks, this::openDesk);
        this.desk = new DeskModel(agent, signIn, tasks, slipPrinter, background, ui);
        this.supervisor = new SupervisorModel(agent, background, ui);
        // The overview follows the branch only while it is shown.
        signIn.stepProperty().addListener((o, was, now) -> {
            if (now == SignInModel.Step.SUPERVISOR) {
                supervisor.start();
            } else {
                supervisor.stop();
            }
        });
    }

    public CounterModel(AgentClient agent, Executor background, Executor ui) {
        this(agent, null, background, ui);
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

    @Override
    public void close() {
        desk.close();
        supervisor.close();
    }
}

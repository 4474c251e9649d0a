package vn.hanoi.branch.counter.admin;

import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.counter.login.SignInModel;

import java.util.concurrent.Executor;

/**
 * The administration screens' models, one per screen, each with its own busy flag and message line. Services,
 * counters and hall notices are for supervisors and IT; staff accounts and devices for IT only
 * ({@link #showsItScreens}). The agent checks the role of every call anyway.
 */
public final class AdminModel {
    private final SignInModel signIn;
    private final ServicesModel services;
    private final CountersModel counters;
    private final NoticesModel notices;
    private final StaffModel staff;
    private final DevicesModel devices;

    public AdminModel(SignInModel signIn, Executor background, Executor ui) {
        this.signIn = signIn;
        this.services = new ServicesModel(signIn::supervisor, new AgentTasks(background, ui));
        this.counters = new CountersModel(signIn::supervisor, new AgentTasks(background, ui));
        this.notices = new NoticesModel(signIn::supervisor, new AgentTasks(background, ui));
        this.staff = new StaffModel(signIn::it, new AgentTasks(background, ui));
        this.devices = new DevicesModel(signIn::it, new AgentTasks(background, ui));
    }

    /** True when the signed-in member is IT: the staff accounts and devices screens are shown. */
    public boolean showsItScreens() {
        return signIn.isIt();
    }

    /** Who is signed in, to follow role changes (sign-out, another member). */
    public SignInModel signIn() {
        return signIn;
    }

    public ServicesModel services() {
        return services;
    }

    public CountersModel counters() {
        return counters;
    }

    public NoticesModel notices() {
        return notices;
    }

    public StaffModel staff() {
        return staff;
    }

    public DevicesModel devices() {
        return devices;
    }
}

package vn.hanoi.branch.counter.admin;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import static vn.hanoi.branch.counter.admin.AdminParts.oneLine;

/**
 * The administration screens, one tab each, inside the supervisor's screen: services, counters and hall
 * notices for supervisors and IT, staff accounts and devices for IT. A tab reads its data from the agent
 * whenever it is opened, so it shows what others changed meanwhile.
 */
public final class AdminView {
    private final TabPane tabs = new TabPane();

    public AdminView(AdminModel model) {
        Tab services = tab("admin-services-tab", "admin.services", new ServicesView(model.services()).root(),
                model.services()::load);
        Tab counters = tab("admin-counters-tab", "admin.counters", new CountersView(model.counters()).root(),
                model.counters()::load);
        Tab notices = tab("admin-notices-tab", "admin.notices", new NoticesView(model.notices()).root(),
                model.notices()::load);
        Tab staff = tab("admin-staff-tab", "admin.staff", new StaffView(model.staff()).root(), model.staff()::load);
        Tab devices = tab("admin-devices-tab", "admin.devices", new DevicesView(model.devices()).root(),
                model.devices()::load);
        tabs.setId("admin-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(services, counters, notices);
        model.signIn().userProperty().addListener((o, was, now) -> {
            tabs.getTabs().setAll(services, counters, notices);
            if (model.showsItScreens()) {
                tabs.getTabs().addAll(staff, devices);
            }
        });
    }

    /** Reads the open tab's data again (the administration tab was opened). */
    public void reload() {
        Tab open = tabs.getSelectionModel().getSelectedItem();
        if (open != null && open.getUserData() instanceof Runnable load) {
            load.run();
        }
    }

    private Tab tab(String id, String key, Node content, Runnable load) {
        Tab t = new Tab(oneLine(key), content);
        t.setId(id);
        t.setUserData(load);
        t.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                load.run();
            }
        });
        return t;
    }

    public Node root() {
        return tabs;
    }
}

package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import vn.hanoi.branch.api.BranchInfo;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.AgentException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the branch offers at the kiosk, as the agent tells it: its name, the open services with their
 * expected waits, the priority groups and the procedures a citizen may self-declare. The agent is asked
 * on a background thread ({@link #fetch}, {@link #currentEstimates}); the answers are shown on the FX thread.
 */
public final class BranchOffer {
    private static final Logger LOG = LoggerFactory.getLogger(BranchOffer.class);

    private final KioskClient agent;
    private final ReadOnlyStringWrapper branchName = new ReadOnlyStringWrapper("");
    private final ObservableList<ServiceInfo> services = FXCollections.observableArrayList();
    // One view for all callers: a fresh unmodifiable wrapper per call would drop listeners when collected.
    private final ObservableList<ServiceInfo> servicesView = FXCollections.unmodifiableObservableList(services);
    private final ObservableList<PriorityClass> priorityClasses = FXCollections.observableArrayList();
    private final ObservableList<PriorityClass> priorityClassesView = FXCollections.unmodifiableObservableList(priorityClasses);
    private final ObservableList<Dossiers.Procedure> procedures = FXCollections.observableArrayList();
    private final ObservableMap<Long, Integer> estimates = FXCollections.observableHashMap();
    private final ObservableMap<Long, QueueSnapshot.Availability> availability = FXCollections.observableHashMap();
    private volatile String branchCode;
    /** The queue's event id when the offer was last read: changes after it come by the event stream. */
    private volatile long readAtEventId;

    public BranchOffer(KioskClient agent) {
        this.agent = agent;
    }

    public ReadOnlyStringProperty branchNameProperty() {
        return branchName.getReadOnlyProperty();
    }

    /** The branch's code once loaded (for the ticket's QR), else null. */
    public String branchCode() {
        return branchCode;
    }

    public ObservableList<ServiceInfo> services() {
        return servicesView;
    }

    /** Priority groups a citizen may declare (the clerk confirms at the counter). */
    public ObservableList<PriorityClass> priorityClasses() {
        return priorityClassesView;
    }

    /** Expected wait in minutes per service id, for a number taken now. */
    public ObservableMap<Long, Integer> estimates() {
        return estimates;
    }

    /**
     * Whether a walk-in gets a number of each service now (by id), and why not, as the agent decides it
     * (opening hours, daily cap, share kept for bookings): the kiosk does not judge this itself.
     */
    public ObservableMap<Long, QueueSnapshot.Availability> availability() {
        return availability;
    }

    /** The event id the last {@link #fetch} read the branch at. */
    long readAtEventId() {
        return readAtEventId;
    }

    public boolean loaded() {
        return !services.isEmpty();
    }

    /** The procedures of a service a citizen may self-declare. */
    public List<Dossiers.Procedure> proceduresOf(ServiceInfo s) {
        return s == null ? List.of() : procedures.stream().filter(p -> p.serviceCode().equals(s.code())).toList();
    }

    public Optional<ServiceInfo> service(long id) {
        return services.stream().filter(s -> s.id() == id).findFirst();
    }

    public Optional<PriorityClass> priorityClass(String code) {
        return priorityClasses.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** Asks the agent (on a background thread); the returned work shows the answer (on the FX thread). */
    public Runnable fetch() {
        // The queue first: a change made while the rest is read comes again by the stream, none is lost.
        QueueSnapshot queue = currentQueue();
        BranchInfo b = agent.branch();
        List<ServiceInfo> open = agent.services().stream().filter(ServiceInfo::active).toList();
        List<PriorityClass> classes = agent.priorityClasses();
        List<Dossiers.Procedure> offered = agent.procedures();
        branchCode = b.code();
        return () -> {
            branchName.set(b.nameVi());
            services.setAll(open);
            priorityClasses.setAll(classes);
            procedures.setAll(offered);
            show(queue);
        };
    }

    /**
     * Asks the current waits and whether each service gives numbers now (on a background thread); a failure
     * keeps the old figures (the agent may be away).
     */
    void refreshEstimates(Executor ui) {
        try {
            QueueSnapshot queue = currentQueue();
            ui.execute(() -> show(queue));
        } catch (AgentException e) {
            LOG.debug("estimates not refreshed: {}", e.error().code());
        }
    }

    private QueueSnapshot currentQueue() {
        QueueSnapshot queue = agent.queue();
        readAtEventId = Math.max(readAtEventId, queue.lastEventId());
        return queue;
    }

    private void show(QueueSnapshot queue) {
        Map<Long, Integer> waits = new HashMap<>();
        Map<Long, QueueSnapshot.Availability> now = new HashMap<>();
        for (QueueSnapshot.ServiceWaiting w : queue.services()) {
            if (w.estimateMinutes() != null) {
                waits.put(w.serviceId(), w.estimateMinutes());
            }
            if (w.availability() != null) {
                now.put(w.serviceId(), w.availability());
            }
        }
        estimates.putAll(waits);
        availability.putAll(now);
    }
}

package vn.hanoi.branch.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.function.Consumer;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.BranchInfo;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;

/**
 * What any paired device or signed-in session may ask (the agent's {@code Access.DEVICE} routes): the
 * branch's directory, the public queue, lookups, and the device's own print and part reports. Each
 * subclass adds the calls of one audience and carries that audience's credential, fixed at creation.
 */
public abstract sealed class DeviceClient
        permits KioskClient, CounterClient, HallClient, DeskClient, SupervisorClient, ItClient {
    /** The agent, called with this client's credential. */
    final Transport agent;

    DeviceClient(Transport agent) {
        this.agent = agent;
    }

    public BranchInfo branch() {
        return agent.get("branch", BranchInfo.class);
    }

    public List<ServiceInfo> services() {
        return agent.get("services", new TypeReference<List<ServiceInfo>>() { });
    }

    public List<CounterInfo> counters() {
        return agent.get("counters", new TypeReference<List<CounterInfo>>() { });
    }

    public List<PriorityClass> priorityClasses() {
        return agent.get("priority-classes", new TypeReference<List<PriorityClass>>() { });
    }

    public List<Dossiers.Procedure> procedures() {
        return agent.get("procedures", new TypeReference<List<Dossiers.Procedure>>() { });
    }

    public QueueSnapshot queue() {
        return agent.get("queue", QueueSnapshot.class);
    }

    public Ticket ticket(long id) {
        return agent.get("tickets/" + id, Ticket.class);
    }

    /** Today's ticket with this display number: its state and, once called, its counter. */
    public Ticket ticketToday(String displayNumber) {
        return agent.get("tickets/today/" + displayNumber.strip(), Ticket.class);
    }

    public Bookings.Booking booking(String code) {
        return agent.get("bookings/" + code, Bookings.Booking.class);
    }

    /** Status and history of a dossier by the code on its appointment slip. */
    public Dossiers.Lookup lookupDossier(String code) {
        // Codes are letters, digits and dashes; anything else typed makes an unknown path, answered 404.
        return agent.get("dossiers/lookup/" + code.strip(), Dossiers.Lookup.class);
    }

    /** The rating of a ticket; a 404 {@link AgentException} when it has none. */
    public Ratings.Rating rating(long ticketId) {
        return agent.get("tickets/" + ticketId + "/rating", Ratings.Rating.class);
    }

    /** Keeps the print job with its ticket (and raises or clears the printer alert). */
    public DeviceHealth.PrintJob recordPrint(long ticketId, DeviceHealth.PrintReport report) {
        return agent.post("tickets/" + ticketId + "/print-jobs", report, null, DeviceHealth.PrintJob.class);
    }

    public List<DeviceHealth.PrintJob> printJobs(long ticketId) {
        return agent.get("tickets/" + ticketId + "/print-jobs", new TypeReference<List<DeviceHealth.PrintJob>>() { });
    }

    /** This device reports one of its parts: a fault raises an alert for IT, ok clears it. */
    public void reportStatus(DeviceHealth.ComponentStatus status) {
        agent.post("devices/self/status", status, null, Void.class);
    }

    /** Follows the queue events from {@code afterId} on, reconnecting by itself. Close to stop. */
    public EventStream events(long afterId, Consumer<QueueEvent> onEvent, Consumer<EventStream.Status> onStatus) {
        String token = agent.token();
        return agent.events(() -> token, afterId, onEvent, onStatus);
    }
}

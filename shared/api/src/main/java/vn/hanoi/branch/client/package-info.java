/**
 * Clients of the agent's LAN API, one per audience, each with its credential fixed at creation.
 *
 * <ul>
 *   <li>{@link vn.hanoi.branch.client.AgentLink}: the agent's address and connections; health and pairing
 *       (no credential), and the clients of paired devices.</li>
 *   <li>{@link vn.hanoi.branch.client.DeviceClient}: what any paired device or session may ask (the agent's
 *       {@code Access.DEVICE} routes); its subclasses add their audience's calls:
 *       {@link vn.hanoi.branch.client.KioskClient} (kiosk token), {@link vn.hanoi.branch.client.CounterClient}
 *       (counter PC token, before sign-in), {@link vn.hanoi.branch.client.HallClient} (hall screen token),
 *       {@link vn.hanoi.branch.client.DeskClient}, {@link vn.hanoi.branch.client.SupervisorClient} and
 *       {@link vn.hanoi.branch.client.ItClient} (a staff session's token).</li>
 *   <li>{@link vn.hanoi.branch.client.StaffSession}: what {@code login} on a kiosk or counter PC returns; gives
 *       the desk, supervisor and IT clients of that session (the agent checks the role) and ends it.</li>
 *   <li>{@link vn.hanoi.branch.client.CustomerWindowClient}: the counter PC's window citizens rate on, as the
 *       device.</li>
 * </ul>
 *
 * <p>All of them go through one package-private transport (JSON, bearer token, bilingual
 * {@link vn.hanoi.branch.client.AgentException}s). {@link vn.hanoi.branch.client.AgentClient} is the former
 * all-in-one client, kept for the apps until they use these.
 */
package vn.hanoi.branch.client;

package vn.hanoi.branch.agent.setup;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.branch.HallNotices;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.BranchSettings;

/**
 * The administration screens' changes, one entity at a time, through {@link BranchConfiguration#update}: the
 * setup file's rules, the refusal of what would strand waiting tickets, one transaction with its audit row
 * and the {@code config.changed} event the kiosks, counters and hall screens reload on. This class only
 * translates between the screens' records and the configuration's; it has no rules of its own.
 */
public final class AdminSettings {
    private final BranchConfiguration config;
    private final Supplier<List<HallNotices.Notice>> ticker;

    /** @param ticker the hall screens' notices as they show them now (set up, else the agent's setting) */
    public AdminSettings(BranchConfiguration config, Supplier<List<HallNotices.Notice>> ticker) {
        this.config = config;
        this.ticker = ticker;
    }

    public List<BranchSettings.Service> services() {
        return current().services().stream().map(AdminSettings::toApi).toList();
    }

    public List<BranchSettings.Counter> counters() {
        return current().counters().stream().map(c -> new BranchSettings.Counter(c.number(), c.nameVi(), c.nameEn(),
                c.services(), c.active())).toList();
    }

    /** The hall screens' ticker as they show it, to edit. */
    public BranchSettings.Notices hallNoticesForAdmin() {
        return new BranchSettings.Notices(ticker.get().stream().map(n -> new BranchSettings.Notice(n.vi(), n.en()))
                .toList());
    }

    /** Names, hours and whether it is offered; the numbering and the rest stay as set up. */
    public BranchSettings.Service saveService(Principal who, String code, BranchSettings.Service s) {
        BranchSetup.Service old = find(current().services(), BranchSetup.Service::code, code, "service");
        Map<DayOfWeek, BranchSetup.Hours> hours = new EnumMap<>(DayOfWeek.class);
        if (s.hours() != null) {
            s.hours().forEach((day, h) -> {
                if (h != null) {
                    hours.put(day, new BranchSetup.Hours(h.opens(), h.closes()));
                }
            });
        }
        BranchSetup.Service changed = new BranchSetup.Service(old.code(), old.prefix(), s.nameVi(), s.nameEn(),
                old.numberStart(), old.numberEnd(), hours, old.greenChannel(), old.dailyCap(),
                old.bookingSharePercent(), s.active());
        config.update(who, c -> c.withService(changed), "admin screen, service " + code).orThrow();
        return services().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    }

    /** Names, the services served in order, and whether it is in use; the area stays as set up. */
    public BranchSettings.Counter saveCounter(Principal who, int number, BranchSettings.Counter k) {
        BranchSetup.Counter old = find(current().counters(), c -> String.valueOf(c.number()), String.valueOf(number),
                "counter");
        BranchSetup.Counter changed = new BranchSetup.Counter(number, k.nameVi(), k.nameEn(), old.area(),
                k.services() == null ? List.of() : k.services(), k.active());
        config.update(who, c -> c.withCounter(changed), "admin screen, counter " + number).orThrow();
        return counters().stream().filter(x -> x.number() == number).findFirst().orElseThrow();
    }

    public BranchSettings.Notices saveHallNotices(Principal who, BranchSettings.Notices n) {
        List<HallNotices.Notice> list = n.notices() == null ? List.of()
                : n.notices().stream().map(x -> new HallNotices.Notice(x.vi(), x.en())).toList();
        config.update(who, c -> c.withHallNotices(list), "admin screen, hall notices").orThrow();
        return hallNoticesForAdmin();
    }

    private BranchSetup current() {
        return config.current().orElseThrow(SetupState::notSetUp);
    }

    private static BranchSettings.Service toApi(BranchSetup.Service s) {
        Map<DayOfWeek, BranchSettings.Hours> hours = new EnumMap<>(DayOfWeek.class);
        s.hours().forEach((day, h) -> hours.put(day, new BranchSettings.Hours(h.opens(), h.closes())));
        return new BranchSettings.Service(s.code(), s.prefix(), s.nameVi(), s.nameEn(), hours, s.active());
    }

    private static <T> T find(List<T> list, java.util.function.Function<T, String> key, String wanted, String what) {
        Supplier<ApiException> unknown = () -> ApiException.notFound("unknown_" + what,
                what.equals("service") ? "Không tìm thấy dịch vụ " + wanted + "." : "Không tìm thấy quầy " + wanted + ".",
                "No " + what + " " + wanted + ".");
        return list.stream().filter(t -> key.apply(t).equals(wanted)).findFirst().orElseThrow(unknown);
    }
}

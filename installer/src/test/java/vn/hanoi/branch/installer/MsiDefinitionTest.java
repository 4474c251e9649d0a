package vn.hanoi.branch.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.installer.InstalledPackagesTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Windows packages' WiX definition, compiled here by msitools' wixl and read back with msiinfo: the
 * agent installs as an automatic service under LocalService, upgrades replace older versions, the apps
 * people click get a Start-menu shortcut. (The Windows runner compiles the same .wxs with WiX.)
 */
class MsiDefinitionTest {
    static final Path ROOT = InstalledPackagesTest.ROOT;
    static final Path OUT = ROOT.resolve("installer/target/msi-check");

    @Test
    void theAgentMsiInstallsAnAutomaticLeastPrivilegeServiceAndUpgradesInPlace() throws Exception {
        Path wrapper = OUT.resolve("winsw-placeholder.exe");
        Files.createDirectories(OUT);
        Files.write(wrapper, new byte[] {'M', 'Z'}); // only the definition is checked here, not WinSW itself
        Packager.main(new String[] {"--type", "wxs", "--apps", "agent,kiosk", "--version", "1.2.3", "--root",
                ROOT.toString(), "--dest", OUT.toString(), "--service-wrapper", wrapper.toString()});

        Path agentMsi = compile("branch-agent");
        String service = run("msiinfo", "export", agentMsi.toString(), "ServiceInstall");
        assertThat(service).contains("BranchAgent", "NT AUTHORITY\\LocalService");
        String[] row = service.lines().filter(l -> l.startsWith("AgentServiceInstall")).findFirst().orElseThrow().split("\t");
        assertThat(row[3]).as("own process").isEqualTo("16");
        assertThat(row[4]).as("automatic start").isEqualTo("2");
        assertThat(run("msiinfo", "export", agentMsi.toString(), "ServiceControl"))
                .contains("AgentServiceControl\tBranchAgent\t163"); // start on install, stop both, remove on uninstall
        assertThat(run("msiinfo", "export", agentMsi.toString(), "Upgrade")).contains("WIX_UPGRADE_DETECTED", "1.2.3");
        String files = run("msiinfo", "export", agentMsi.toString(), "File");
        assertThat(files).contains("branch-agent-service.exe", "branch-agent-service.xml", "sync-agent-", "sqlite-jdbc-");
        assertThat(run("msiinfo", "suminfo", agentMsi.toString())).contains("Template: x64;1033");

        Path kioskMsi = compile("branch-kiosk");
        assertThat(run("msiinfo", "export", kioskMsi.toString(), "Shortcut")).contains("Branch Kiosk");
        assertThat(run("msiinfo", "export", kioskMsi.toString(), "File")).contains("kiosk-app-").doesNotContain("branch-agent-service");
    }

    private static Path compile(String app) throws Exception {
        Path image = ROOT.resolve("installer/target/work/images").resolve(app);
        Path msi = OUT.resolve(app + ".msi");
        Files.deleteIfExists(msi);
        Process p = new ProcessBuilder("wixl", "-a", "x64", "-o", msi.toString(), OUT.resolve(app + ".wxs").toString())
                .directory(image.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("wixl: " + out).isZero();
        assertThat(msi).exists();
        return msi;
    }
}

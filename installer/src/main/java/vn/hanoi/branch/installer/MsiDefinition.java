package vn.hanoi.branch.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The WiX (v3 schema) definition of an app's MSI, generated from its app image: every file a component,
 * a Start-menu shortcut for the apps people click, and for the agent a Windows service running as
 * LocalService (least privilege) through the WinSW wrapper, with data under ProgramData. The same file
 * is compiled by WiX's candle/light on the Windows runner and by msitools' wixl on Linux, where
 * {@code msiinfo} checks the resulting tables (see the installer tests). Sources are relative to the
 * app image: run wixl in that folder, or give light {@code -b <app image>}.
 */
public final class MsiDefinition {
    /** Stable per app so that a new version upgrades the installed one instead of sitting beside it. */
    private static final java.util.Map<String, String> UPGRADE_CODES = java.util.Map.of(
            "branch-agent", "5d1c6a52-4b7e-4f0e-9a57-2a9f6f1d0a01",
            "branch-kiosk", "5d1c6a52-4b7e-4f0e-9a57-2a9f6f1d0a02",
            "branch-counter", "5d1c6a52-4b7e-4f0e-9a57-2a9f6f1d0a03");
    public static final String SERVICE_NAME = "BranchAgent";
    /** WinSW, renamed: the service control manager talks to it and it runs the agent's launcher. */
    public static final String SERVICE_WRAPPER = "branch-agent-service.exe";

    private MsiDefinition() {
    }

    /**
     * Writes {@code <outDir>/<package>.wxs}. For the agent, {@code serviceWrapper} (WinSW's exe; on Linux any
     * file, since only the definition is checked) is copied into the image with its configuration.
     */
    public static Path write(AppSpec app, Path appImage, Path outDir, String version, Path serviceWrapper)
            throws IOException {
        Files.createDirectories(outDir);
        if (app == AppSpec.AGENT) {
            if (serviceWrapper == null) {
                throw new IllegalArgumentException("the agent's MSI needs --service-wrapper (WinSW's exe)");
            }
            Files.copy(serviceWrapper, appImage.resolve(SERVICE_WRAPPER), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(appImage.resolve(SERVICE_WRAPPER.replace(".exe", ".xml")), winswConfig(app),
                    StandardCharsets.UTF_8);
        }
        Path wxs = outDir.resolve(app.packageName() + ".wxs");
        Files.writeString(wxs, xml(app, appImage, version), StandardCharsets.UTF_8);
        return wxs;
    }

    static String xml(AppSpec app, Path appImage, String version) throws IOException {
        List<String> componentIds = new ArrayList<>();
        StringBuilder dirs = new StringBuilder();
        directory(appImage, appImage, dirs, componentIds, "        ");
        String product = titleOf(app);
        String launcher = launcherName(app, appImage);
        StringBuilder out = new StringBuilder();
        out.append("""
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="%s" Language="1033" Version="%s" Manufacturer="Public administration service centers"
                           UpgradeCode="%s">
                    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"
                             Description="%s" Comments="Branch system"/>
                    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
                    <MajorUpgrade DowngradeErrorMessage="A newer version is already installed."/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFiles64Folder">
                        <Directory Id="INSTALLDIR" Name="%s">
                """.formatted(product, AppImage.numericVersion(version), UPGRADE_CODES.get(app.packageName()),
                product, app.packageName()));
        out.append(dirs);
        if (app == AppSpec.AGENT) {
            componentIds.add("AgentService");
            out.append("""
                          <Component Id="AgentService" Guid="%s" Win64="yes">
                            <File Id="ServiceWrapper" Name="%s" Source="%s" KeyPath="yes"/>
                            <File Id="ServiceWrapperConfig" Name="%s" Source="%s"/>
                            <ServiceInstall Id="AgentServiceInstall" Name="%s" DisplayName="Branch agent"
                                            Description="Branch queue, dossiers and city sync" Type="ownProcess"
                                            Start="auto" ErrorControl="normal" Account="NT AUTHORITY\\LocalService"/>
                            <ServiceControl Id="AgentServiceControl" Name="%s" Start="install" Stop="both"
                                            Remove="uninstall" Wait="yes"/>
                          </Component>
                    """.formatted(stableGuid("service"), SERVICE_WRAPPER, SERVICE_WRAPPER, SERVICE_WRAPPER.replace(".exe", ".xml"),
                    SERVICE_WRAPPER.replace(".exe", ".xml"),
                    SERVICE_NAME, SERVICE_NAME));
        }
        out.append("""
                        </Directory>
                      </Directory>
                """);
        if (app == AppSpec.AGENT) {
            // The agent's data folder. wixl has no Permission element: the Windows script grants LocalService
            // modify rights on it with icacls after installing (README-IT, Windows).
            componentIds.add("DataFolder");
            out.append("""
                      <Directory Id="CommonAppDataFolder">
                        <Directory Id="DATADIR" Name="BranchAgent">
                          <Component Id="DataFolder" Guid="%s" Win64="yes">
                            <CreateFolder/>
                            <RegistryValue Root="HKLM" Key="Software\\BranchSystem\\BranchAgent" Name="DataDir"
                                           Type="string" Value="[DATADIR]" KeyPath="yes"/>
                          </Component>
                        </Directory>
                      </Directory>
                    """.formatted(stableGuid("data")));
        }
        if (app != AppSpec.AGENT) {
            componentIds.add("MenuShortcut");
            out.append("""
                      <Directory Id="ProgramMenuFolder">
                        <Component Id="MenuShortcut" Guid="%s" Win64="yes">
                          <Shortcut Id="AppShortcut" Name="%s" Target="[INSTALLDIR]%s" WorkingDirectory="INSTALLDIR"/>
                          <RegistryValue Root="HKCU" Key="Software\\BranchSystem\\%s" Name="installed" Type="integer"
                                         Value="1" KeyPath="yes"/>
                        </Component>
                      </Directory>
                    """.formatted(stableGuid(app.packageName() + "/shortcut"), product, launcher, app.packageName()));
        }
        out.append("    </Directory>\n    <Feature Id=\"Main\" Level=\"1\" Title=\"").append(product).append("\">\n");
        for (String id : componentIds) {
            out.append("      <ComponentRef Id=\"").append(id).append("\"/>\n");
        }
        out.append("    </Feature>\n  </Product>\n</Wix>\n");
        return out.toString();
    }

    /**
     * WinSW's configuration: the agent's launcher with its data under ProgramData, restarted after a
     * failure, logs rolled by size. Runs as LocalService (the MSI's ServiceInstall sets the account).
     */
    static String winswConfig(AppSpec app) {
        return """
                <service>
                  <id>%s</id>
                  <name>Branch agent</name>
                  <description>Branch queue, dossiers and city sync</description>
                  <executable>%%BASE%%\\%s.exe</executable>
                  <arguments>serve</arguments>
                  <env name="BRANCH_AGENT_DB_PATH" value="%%ProgramData%%\\BranchAgent\\branch-agent.db"/>
                  <env name="BRANCH_AGENT_DOCUMENTS_DIR" value="%%ProgramData%%\\BranchAgent\\documents"/>
                  <env name="BRANCH_AGENT_BACKUP_DIR" value="%%ProgramData%%\\BranchAgent\\backups"/>
                  <stoptimeout>30 sec</stoptimeout>
                  <onfailure action="restart" delay="5 sec"/>
                  <logpath>%%ProgramData%%\\BranchAgent\\logs</logpath>
                  <log mode="roll-by-size"/>
                </service>
                """.formatted(SERVICE_NAME, app.packageName());
    }

    private static void directory(Path root, Path dir, StringBuilder out, List<String> components, String indent)
            throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path p : children) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (Files.isDirectory(p)) {
                out.append(indent).append("<Directory Id=\"").append(id("d", rel)).append("\" Name=\"")
                        .append(p.getFileName()).append("\">\n");
                directory(root, p, out, components, indent + "  ");
                out.append(indent).append("</Directory>\n");
            } else if (!p.getFileName().toString().startsWith(SERVICE_WRAPPER.replace(".exe", ""))) {
                String cid = id("c", rel);
                components.add(cid);
                out.append(indent).append("<Component Id=\"").append(cid).append("\" Guid=\"").append(stableGuid(rel))
                        .append("\" Win64=\"yes\"><File Id=\"").append(id("f", rel)).append("\" Name=\"")
                        .append(p.getFileName()).append("\" Source=\"").append(rel)
                        .append("\" KeyPath=\"yes\"/></Component>\n");
            }
        }
    }

    private static String launcherName(AppSpec app, Path image) {
        return Files.exists(image.resolve(app.packageName() + ".exe")) ? app.packageName() + ".exe"
                : "bin\\" + app.packageName();
    }

    private static String titleOf(AppSpec app) {
        return switch (app.id()) {
            case "agent" -> "Branch Agent";
            case "kiosk" -> "Branch Kiosk";
            default -> "Branch Counter";
        };
    }

    /** Ids must be short and [A-Za-z0-9_.]: a hash of the path keeps them unique and stable. */
    private static String id(String prefix, String rel) {
        return prefix + "_" + Integer.toHexString(rel.hashCode()).replace('-', 'm') + "_"
                + Math.abs((long) rel.length() * 31 + rel.chars().sum());
    }

    /** The same component GUID for the same path across versions, as Windows Installer requires. */
    private static String stableGuid(String key) {
        return UUID.nameUUIDFromBytes(("branch-msi/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

# Builds the Windows MSIs of the agent, kiosk and counter on a Windows PC or runner.
# Needs: JDK 21+ (with jpackage), Maven, WiX Toolset 3.x (candle, light) on PATH, and WinSW x64
# (https://github.com/winsw/winsw/releases, WinSW-x64.exe) for the agent's Windows service.
#   powershell -File installer\windows\build-msi.ps1 -WinSW C:\tools\WinSW-x64.exe [-Version 1.2.0]   (default: the version in pom.xml)
# The MSIs land in installer\target\packages. The same .wxs files are compiled on Linux by wixl in the
# tests, so the definition is checked on every build.
param(
  [Parameter(Mandatory = $true)][string]$WinSW,
  [string]$Version = ""
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
# Without -Version, the project's own version from the root pom.xml (read as XML: no Maven output to clean).
if (-not $Version) { $Version = ([xml](Get-Content -Raw -Encoding UTF8 pom.xml)).project.version }
if ($Version -notmatch '^[0-9][0-9A-Za-z.+~-]*$') {
  throw "Phien ban khong hop le / invalid version '$Version': it must start with a digit (e.g. 1.2.0); give -Version."
}
mvn -B -q -DskipTests package
if ($LASTEXITCODE -ne 0) { throw "maven build failed" }
$out = "installer\target\packages"
# jpackage app images (launcher .exe + trimmed runtime) and the WiX definitions generated from them
java -cp installer\target\classes vn.hanoi.branch.installer.Packager --type wxs --version $Version `
  --dest $out --service-wrapper $WinSW
if ($LASTEXITCODE -ne 0) { throw "packager failed" }
foreach ($app in "branch-agent", "branch-kiosk", "branch-counter") {
  $image = "installer\target\work\images\$app"
  candle -nologo -arch x64 -out "$out\$app.wixobj" "$out\$app.wxs"
  if ($LASTEXITCODE -ne 0) { throw "candle failed for $app" }
  light -nologo -b $image -out "$out\$app-$Version.msi" "$out\$app.wixobj"
  if ($LASTEXITCODE -ne 0) { throw "light failed for $app" }
}
Write-Host "MSIs in $out. After installing the agent's MSI, let its service account write its data:"
Write-Host '  icacls "C:\ProgramData\BranchAgent" /grant "NT AUTHORITY\LocalService:(OI)(CI)M"'

; Inno Setup 6 script for Community Desk (社区诉求工作台): a per-user install, no admin rights.
;
; Build the bundle first (on Windows, in the repo's venv):
;     python installer\build.py --installer
; which runs PyInstaller into dist\community-desk\ and then
;     iscc /DAppVersion=<desk_app.__version__> installer\windows\community-desk.iss
; The installer lands in dist\community-desk-<version>-setup.exe.
;
; This file is UTF-8 with a byte-order mark, so that Inno Setup reads the Chinese text right.
;
; USER DATA: the desk keeps its database, attachments, backups, logs and settings under
; %LOCALAPPDATA%\CommunityDesk (platformdirs: user_data_dir("CommunityDesk", "CommunityDesk")),
; which is NOT the program folder {app} below. Neither the installer nor the uninstaller ever
; deletes, moves or overwrites anything there: uninstalling removes the program only, and a
; reinstall or an upgrade finds the data as it was. Do not add an [UninstallDelete] or [Code]
; entry that touches {localappdata}\CommunityDesk.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Community Desk"
#define AppNameZh "社区诉求工作台"
#define AppExe "community-desk.exe"
#define Root "..\.."

[Setup]
; Keep this AppId for every version: it is how an upgrade finds the installed copy.
AppId={{6C1D3E0B-6F5A-4B8E-9B1E-3A7C2D9F4E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Community Desk
VersionInfoVersion={#AppVersion}
; Per user: no UAC prompt, installs under the user's own profile.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\CommunityDesk
DefaultGroupName={cm:AppMenuName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=community-desk-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\community-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running desk before replacing its files (and offer to restart it afterwards).
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; ChineseSimplified.isl is an unofficial translation: it is not shipped with Inno Setup 6, so it
; must be present in Inno Setup's Languages folder (get it from the Inno Setup site's
; "Unofficial translations" page). Without it the installer is built in English only.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma message "Languages\ChineseSimplified.isl not found: building an English-only installer"
#endif

[CustomMessages]
english.AppMenuName={#AppName}
english.LaunchApp=Start {#AppName}
english.DataKept=Your cases, attachments and settings in %1 were kept.
#ifdef HaveChinese
chinesesimplified.AppMenuName={#AppNameZh}
chinesesimplified.LaunchApp=启动{#AppNameZh}
chinesesimplified.DataKept=%1 中的诉求、附件和设置已保留。
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The one-folder PyInstaller bundle (community-desk.exe + _internal\).
Source: "{#Root}\dist\community-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; {autoprograms} / {autodesktop} are the user's own Start menu and desktop in a per-user install.
Name: "{autoprograms}\{cm:AppMenuName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{cm:AppMenuName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[InstallDelete]
; An upgrade replaces the bundle whole, so no file of an older build lingers in {app}\_internal.
Type: filesandordirs; Name: "{app}\_internal"

[UninstallDelete]
; Only the program folder. The data in {localappdata}\CommunityDesk is never deleted (see top).
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { Tell the user the data stays; nothing here deletes it. }
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\CommunityDesk')]),
           mbInformation, MB_OK);
end;

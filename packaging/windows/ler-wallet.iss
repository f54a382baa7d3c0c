; Inno Setup 6 script: an installer for LER Wallet from the one-folder build.
;   On Windows, after `py tasks.py build` (which makes dist\ler-wallet\ler-wallet.exe):
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\ler-wallet.iss
;   Sign the installer by passing /DSignTool=mysign with a SignTool of that name configured in the IDE,
;   e.g. signtool.exe sign /fd sha256 /tr http://timestamp.example /td sha256 /f cert.pfx $f
; Writes dist\LER-Wallet-<version>-setup.exe. Installs per user (no administrator rights needed) by default.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "LER Wallet"
#define AppExe "ler-wallet.exe"
#define BuildDir "..\..\dist\ler-wallet"

[Setup]
AppId={{6B0E3B0E-5C3B-4C53-9E0B-2F1D7A1C4E55}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=LER Wallet contributors
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=LER-Wallet-{#AppVersion}-setup
SetupIconFile=..\icons\ler-wallet.ico
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile=..\..\THIRD-PARTY-NOTICES
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
#ifdef SignTool
SignTool={#SignTool}
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "Open .lerbundle files with {#AppName}"; GroupDescription: "File types:"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\THIRD-PARTY-NOTICES"; DestDir: "{app}"; DestName: "THIRD-PARTY-NOTICES.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.lerbundle"; ValueType: string; ValueName: ""; ValueData: "LERWallet.Bundle"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\LERWallet.Bundle"; ValueType: string; ValueName: ""; ValueData: "LER Wallet bundle"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\LERWallet.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\LERWallet.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" verify ""%1"""; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "gui"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

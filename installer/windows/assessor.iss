; Inno Setup 6.3+ script: a per-user installer for the PyInstaller bundle in dist\assessor\.
; Build (the CI workflow does this on a Windows runner):
;   iscc /DAppVersion=<assessor.__version__> installer\windows\assessor.iss
; Swedish.isl is Inno Setup's community translation, fetched into this folder at build time
; (see .github/workflows/installers.yml); English is Inno Setup's own Default.isl.
; Never tried here: written without a Windows machine (see docs/installing.md).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\windows\assessor.iss
#endif

[Setup]
AppId={{3D285377-5BEA-45BB-83AE-36C3E5FFC5BC}
AppName=Assessor
AppVersion={#AppVersion}
AppPublisher=The Assessor developers
; Per-user: no administrator rights; {autopf} becomes %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Assessor
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\assessor.exe
UninstallDisplayName=Assessor
OutputDir=..\..\dist
OutputBaseFilename=assessor-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "sv"; MessagesFile: "Swedish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\assessor\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Assessor"; Filename: "{app}\assessor.exe"

[Run]
Filename: "{app}\assessor.exe"; Description: "{cm:LaunchProgram,Assessor}"; Flags: nowait postinstall skipifsilent


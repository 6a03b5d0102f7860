; Inno Setup script of BranchDesk's Windows setup program (支部台账安装程序).
; Saved as UTF-8 with a byte-order mark, as Inno Setup needs for the Chinese texts.
; Build dist\BranchDesk first (python installer\build.py), then, from the repository:
;     iscc installer\branchdesk.iss
; makes dist\BranchDesk-<version>-setup.exe. Needs Inno Setup 6.3 or newer. See installer\README.md.
;
; Installs for the current user only, without administrator rights, into
; %LOCALAPPDATA%\Programs\BranchDesk, with a Start-menu and a desktop shortcut. The data
; (database, backups, logs in %LOCALAPPDATA%\BranchDesk, or BRANCHDESK_HOME) is not the
; program's: uninstalling leaves it where it is, and says so.

; The version: iscc /DAppVersion=1.2.3 installer\branchdesk.iss, or build\version.iss as
; installer\build.py writes it from src\branchdesk\__init__.py.
#ifndef AppVersion
  #include AddBackslash(SourcePath) + "..\build\version.iss"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif

#define AppName "支部台账"
#define AppNameLatin "BranchDesk"
#define AppExe "branchdeskw.exe"
#define Bundle AddBackslash(SourcePath) + "..\dist\BranchDesk"

; Simplified Chinese wizard texts: ChineseSimplified.isl is one of Inno Setup's unofficial
; translations and is not installed with it. Put it beside this script (installer\README.md
; says where to get it) or in Inno Setup's Languages folder; without it the wizard's main
; texts come from the [Messages] below.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\Unofficial\ChineseSimplified.isl"
#endif

[Setup]
AppId={{C0587D9D-9D12-4A6D-A651-10894C42FA1E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppNameLatin}
AppComments=党支部党务工作台账（离线使用）
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}（{#AppNameLatin}）
VersionInfoDescription={#AppName} 安装程序
; per user, no administrator rights (no UAC prompt)
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppNameLatin}
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#AddBackslash(SourcePath)}..\dist
OutputBaseFilename={#AppNameLatin}-{#AppVersion}-setup
SetupIconFile={#AddBackslash(SourcePath)}..\src\branchdesk\resources\icons\branchdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
#ifdef ChineseIsl
Name: "chs"; MessagesFile: "compiler:Default.isl,{#ChineseIsl}"
#else
Name: "chs"; MessagesFile: "compiler:Default.isl"
#endif

#ifndef ChineseIsl
[Messages]
; the texts a clerk reads, in Chinese, when ChineseSimplified.isl is not at hand
chs.SetupAppTitle=安装
chs.SetupWindowTitle=安装 - %1
chs.UninstallAppTitle=卸载
chs.UninstallAppFullTitle=%1 卸载
chs.ButtonBack=< 上一步(&B)
chs.ButtonNext=下一步(&N) >
chs.ButtonInstall=安装(&I)
chs.ButtonOK=确定
chs.ButtonCancel=取消
chs.ButtonYes=是(&Y)
chs.ButtonYesToAll=全是(&A)
chs.ButtonNo=否(&N)
chs.ButtonNoToAll=全否(&O)
chs.ButtonFinish=完成(&F)
chs.ButtonBrowse=浏览(&B)...
chs.ButtonWizardBrowse=浏览(&R)...
chs.ButtonNewFolder=新建文件夹(&M)
chs.WelcomeLabel1=欢迎使用 [name] 安装向导
chs.WelcomeLabel2=现在将在您的电脑上安装 [name/ver]。%n%n建议您在继续之前关闭其他所有应用程序。
chs.WizardSelectDir=选择安装位置
chs.SelectDirDesc=[name] 要安装到哪里？
chs.SelectDirLabel3=安装程序将把 [name] 安装到下面的文件夹中。
chs.SelectDirBrowseLabel=点击“下一步”继续。如果要选择其他文件夹，请点击“浏览”。
chs.WizardSelectTasks=选择附加任务
chs.SelectTasksDesc=要执行哪些附加任务？
chs.SelectTasksLabel2=请选择安装 [name] 时要执行的附加任务，然后点击“下一步”。
chs.WizardReady=准备安装
chs.ReadyLabel1=安装程序已准备好在您的电脑上安装 [name]。
chs.ReadyLabel2a=点击“安装”开始安装；如需查看或更改设置，请点击“上一步”。
chs.WizardInstalling=正在安装
chs.InstallingLabel=正在您的电脑上安装 [name]，请稍候。
chs.FinishedHeadingLabel=[name] 安装完成
chs.FinishedLabel=[name] 已安装到您的电脑上。可以通过已创建的快捷方式启动本程序。
chs.ClickFinish=点击“完成”退出安装程序。
chs.ExitSetupTitle=退出安装
chs.ExitSetupMessage=安装尚未完成。如果现在退出，程序将不会被安装。%n%n您可以以后再运行安装程序完成安装。%n%n要退出安装吗？
chs.UninstalledAll=%1 已从您的电脑上卸载。
chs.UninstallStatusLabel=正在从您的电脑上卸载 %1，请稍候。
#endif

[Messages]
; said before uninstalling, whichever language file is used
chs.ConfirmUninstall=确实要卸载 %1 吗？%n%n只删除程序本身。您的数据库、备份和日志（用户文件夹中的 AppData\Local\BranchDesk）会保留，不会删除。

[CustomMessages]
chs.NameAndVersion=%1 版本 %2
chs.AdditionalIcons=快捷方式：
chs.CreateDesktopIcon=在桌面上创建快捷方式(&D)
chs.LaunchProgram=运行 %1
chs.UninstallProgram=卸载 %1
chs.DataKept=%1 已卸载。%n%n您的数据没有删除：数据库、备份和日志仍在%n%2%n%n重新安装后即可继续使用；确实不再需要时，可以手动删除这个文件夹（请先另存一份备份）。

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "党支部党务工作台账"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "党支部党务工作台账"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The data folder as the program finds it (platformdirs: %LOCALAPPDATA%\BranchDesk, or the
  folder BRANCHDESK_HOME names). }
function DataFolder(): String;
begin
  Result := GetEnv('BRANCHDESK_HOME');
  if Result = '' then
    Result := ExpandConstant('{localappdata}\BranchDesk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Text: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
  begin
    Text := FmtMessage(CustomMessage('DataKept'), ['{#AppName}', DataFolder()]);
    StringChangeEx(Text, '%n', #13#10, True);
    MsgBox(Text, mbInformation, MB_OK);
  end;
end;

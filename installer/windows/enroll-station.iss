; Inno Setup script for enroll-station: installs the PyInstaller bundle (dist\enroll-station).
; Needs Inno Setup 6.6 or later. Build steps: installer/README.md. Paths into the bundle named
; here are checked by tests/installer/test_inno.py against the bundle layout.
; The data folder is %LOCALAPPDATA%\enroll-station (platformdirs), outside {app}: upgrades and
; uninstalling keep it unless the user ticks the box in the uninstall dialog.

#if VER < EncodeVer(6, 6, 0)
  #error Inno Setup 6.6 or later is needed (CreateCustomForm with a size)
#endif
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\enroll-station"
#endif
#define AppExe "enroll-station.exe"
#define GuiExe "enroll-station-gui.exe"

[Setup]
AppId={{6F3B1C52-7A0E-4D8B-9E51-3C2A9D7E4B10}
AppName=enroll-station
AppVersion={#AppVersion}
AppVerName=enroll-station {#AppVersion}
AppPublisher=enroll-station
DefaultDirName={autopf}\enroll-station
DefaultGroupName=enroll-station
DisableProgramGroupPage=yes
; Per-user by default (no administrator needed); the dialog offers a per-machine install.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=enroll-station-{#AppVersion}-setup
SetupIconFile=..\assets\enroll-station.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName=enroll-station {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.AppTitle=Trạm thu nhận căn cước
en.AppTitle=Enrollment station
vi.DesktopIcon=Tạo biểu tượng trên màn hình nền
en.DesktopIcon=Create a desktop shortcut
vi.RunNow=Mở Trạm thu nhận căn cước
en.RunNow=Open the enrollment station
vi.UninstallCaption=Gỡ cài đặt enroll-station
en.UninstallCaption=Uninstall enroll-station
vi.DataKept=Phần mềm sẽ được gỡ bỏ. Dữ liệu hồ sơ (đã mã hoá) ở %1 được GIỮ LẠI để cài lại hoặc nâng cấp không mất hồ sơ nào.
en.DataKept=The program will be removed. The (encrypted) records in %1 are KEPT, so a reinstall or an upgrade loses nothing.
vi.DeleteData=Xoá luôn dữ liệu của trạm (không thể khôi phục; chỉ chọn khi mọi hồ sơ đã gửi về trung tâm)
en.DeleteData=Also delete the station's data (cannot be undone; only when every record has reached the centre)

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder so no file of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#GuiExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\NOTICES.txt"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\licenses\*"; DestDir: "{app}\licenses"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:RunNow}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteData: Boolean;

function DataDir(): String;
begin
  { platformdirs.user_data_dir("enroll-station", appauthor=False) on Windows }
  Result := ExpandConstant('{localappdata}\enroll-station');
end;

function InitializeUninstall(): Boolean;
var
  Form: TSetupForm;
  Info: TNewStaticText;
  Box: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
begin
  Result := True;
  DeleteData := False;
  if UninstallSilent() then
    Exit;
  Form := CreateCustomForm(460, 170, False, True);
  try
    Form.Caption := CustomMessage('UninstallCaption');
    Info := TNewStaticText.Create(Form);
    Info.Parent := Form;
    Info.AutoSize := False;
    Info.WordWrap := True;
    Info.Left := ScaleX(12);
    Info.Top := ScaleY(12);
    Info.Width := Form.ClientWidth - ScaleX(24);
    Info.Height := ScaleY(56);
    Info.Caption := FmtMessage(CustomMessage('DataKept'), [DataDir()]);
    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(12);
    Box.Top := ScaleY(76);
    Box.Width := Form.ClientWidth - ScaleX(24);
    Box.Height := ScaleY(34);
    Box.Caption := CustomMessage('DeleteData');
    Box.Checked := False;
    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;
    OkButton.Width := ScaleX(80);
    OkButton.Height := ScaleY(24);
    OkButton.Top := Form.ClientHeight - ScaleY(36);
    OkButton.Left := Form.ClientWidth - ScaleX(2 * 80 + 20);
    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;
    CancelButton.Width := ScaleX(80);
    CancelButton.Height := ScaleY(24);
    CancelButton.Top := OkButton.Top;
    CancelButton.Left := Form.ClientWidth - ScaleX(80 + 12);
    Form.ActiveControl := CancelButton;
    Result := Form.ShowModal() = mrOk;
    DeleteData := Result and Box.Checked;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteData and DirExists(DataDir()) then
    DelTree(DataDir(), True, True, True);
end;

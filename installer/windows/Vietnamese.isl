; Vietnamese texts for the enroll-station installer: read after Default.isl, so a message not
; translated here falls back to English. Placeholders (%1, [name]) are those of Default.isl.

[LangOptions]
LanguageName=Ti<1EBF>ng Vi<1EC7>t
LanguageID=$042A
LanguageCodePage=0

[Messages]
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt - %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1
SelectLanguageTitle=Chọn ngôn ngữ cài đặt
SelectLanguageLabel=Chọn ngôn ngữ dùng trong khi cài đặt.
ButtonBack=< &Quay lại
ButtonNext=&Tiếp >
ButtonInstall=&Cài đặt
ButtonOK=Đồng ý
ButtonCancel=Huỷ
ButtonYes=&Có
ButtonNo=&Không
ButtonFinish=&Xong
ButtonBrowse=&Chọn...
ButtonWizardBrowse=C&họn...
PrivilegesRequiredOverrideTitle=Chọn cách cài đặt
PrivilegesRequiredOverrideInstruction=Chọn cách cài đặt
PrivilegesRequiredOverrideText2=%1 có thể cài cho riêng bạn (khuyên dùng) hoặc cho mọi người dùng máy này (cần quyền quản trị).
PrivilegesRequiredOverrideAllUsers=Cài cho &mọi người dùng
PrivilegesRequiredOverrideCurrentUser=Cài cho &riêng tôi
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Chưa cài đặt xong. Nếu thoát bây giờ, phần mềm sẽ không được cài.%n%nBạn có thể chạy lại chương trình cài đặt sau để cài tiếp.%n%nThoát cài đặt?
WelcomeLabel1=Chào mừng đến với trình cài đặt [name]
WelcomeLabel2=Trình này sẽ cài [name/ver] vào máy tính của bạn.%n%nNên đóng mọi ứng dụng khác trước khi tiếp tục.
WizardSelectDir=Chọn thư mục cài đặt
SelectDirDesc=Cài [name] vào đâu?
SelectDirLabel3=Trình cài đặt sẽ cài [name] vào thư mục sau.
SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
WizardSelectTasks=Chọn thêm việc cần làm
SelectTasksDesc=Cần làm thêm những việc nào?
SelectTasksLabel2=Chọn những việc trình cài đặt cần làm thêm khi cài [name], rồi bấm Tiếp.
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Trình cài đặt đã sẵn sàng cài [name] vào máy tính của bạn.
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại nếu muốn xem hay đổi các lựa chọn.
WizardInstalling=Đang cài đặt
InstallingLabel=Vui lòng chờ trong khi [name] được cài vào máy tính của bạn.
FinishedHeadingLabel=Đã cài xong [name]
FinishedLabel=[name] đã được cài vào máy tính của bạn. Mở phần mềm bằng biểu tượng vừa tạo.
ClickFinish=Bấm Xong để thoát.
ConfirmUninstall=Bạn có chắc muốn gỡ bỏ hoàn toàn %1 và mọi thành phần của nó?
UninstallStatusLabel=Vui lòng chờ trong khi %1 được gỡ khỏi máy tính của bạn.
UninstalledAll=Đã gỡ %1 khỏi máy tính của bạn.

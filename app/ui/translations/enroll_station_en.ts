<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
    <context>
        <name>app.ui.dashboard_page</name>
        <message>
            <location filename="../dashboard_page.py" line="30" />
            <source>Chờ duyệt</source>
            <translation>Awaiting approval</translation>
            <extra-code-en>Awaiting approval</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="30" />
            <source>Đã duyệt</source>
            <translation>Approved</translation>
            <extra-code-en>Approved</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="31" />
            <source>Chờ gửi</source>
            <translation>Queued</translation>
            <extra-code-en>Queued</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="31" />
            <source>Đang gửi</source>
            <translation>Uploading</translation>
            <extra-code-en>Uploading</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="32" />
            <source>Bị trả lại</source>
            <translation>Returned</translation>
            <extra-code-en>Returned</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="35" />
            <location filename="../dashboard_page.py" line="38" />
            <source>hãy đồng bộ hoặc xuất USB</source>
            <translation>sync or export to USB</translation>
            <extra-code-en>sync or export to USB</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="36" />
            <location filename="../dashboard_page.py" line="37" />
            <source>tổ trưởng cần duyệt hồ sơ</source>
            <translation>the supervisor must review</translation>
            <extra-code-en>the supervisor must review</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="39" />
            <source>hãy cập nhật phần mềm</source>
            <translation>update the software</translation>
            <extra-code-en>update the software</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="47" />
            <source>lâu nhất {h:.0f} giờ</source>
            <translation>oldest {h:.0f} h</translation>
            <extra-code-en>oldest {h:.0f} h</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="48" />
            <source>lâu nhất {d:.1f} ngày</source>
            <translation>oldest {d:.1f} days</translation>
            <extra-code-en>oldest {d:.1f} days</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="68" />
            <source>Hôm nay</source>
            <translation>Today</translation>
            <extra-code-en>Today</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="69" />
            <source>7 ngày qua</source>
            <translation>Last 7 days</translation>
            <extra-code-en>Last 7 days</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="77" />
            <source>Chưa có hồ sơ nào trong tuần.</source>
            <translation>No enrollments this week.</translation>
            <extra-code-en>No enrollments this week.</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="115" />
            <source>Tổng quan</source>
            <translation>Overview</translation>
            <extra-code-en>Overview</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="117" />
            <source>Làm mới (F5)</source>
            <translation>Refresh (F5)</translation>
            <extra-code-en>Refresh (F5)</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="125" />
            <source>Hồ sơ theo cán bộ</source>
            <translation>Enrollments per officer</translation>
            <extra-code-en>Enrollments per officer</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="127" />
            <source>Hàng chờ</source>
            <translation>Queues</translation>
            <extra-code-en>Queues</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="129" />
            <source>Giới hạn vận hành (còn lại trước khi phải dừng)</source>
            <translation>Operating limits (left before the station must stop)</translation>
            <extra-code-en>Operating limits (left before the station must stop)</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="180" />
            <source>ĐÃ ĐẾN GIỚI HẠN: {act}</source>
            <translation>LIMIT REACHED: {act}</translation>
            <extra-code-en>LIMIT REACHED: {act}</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="182" />
            <source>còn {n}: sắp đến giới hạn, {act}</source>
            <translation>{n} left: {act} soon</translation>
            <extra-code-en>{n} left: {act} soon</extra-code-en>
        </message>
        <message>
            <location filename="../dashboard_page.py" line="185" />
            <source>còn {n}</source>
            <translation>{n} left</translation>
            <extra-code-en>{n} left</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.devices_page</name>
        <message>
            <location filename="../devices_page.py" line="40" />
            <source>Máy quét vân tay</source>
            <translation>Scanner</translation>
            <extra-code-en>Scanner</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="40" />
            <source>Máy ảnh</source>
            <translation>Camera</translation>
            <extra-code-en>Camera</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="44" />
            <source>không thấy</source>
            <translation>absent</translation>
            <extra-code-en>absent</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="44" />
            <source>sẵn sàng</source>
            <translation>ready</translation>
            <extra-code-en>ready</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="45" />
            <source>vừa khởi động lại</source>
            <translation>restarted</translation>
            <extra-code-en>restarted</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="46" />
            <source>chưa chọn</source>
            <translation>not chosen</translation>
            <extra-code-en>not chosen</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="52" />
            <source>cổng nối tiếp</source>
            <translation>serial port</translation>
            <extra-code-en>serial port</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="52" />
            <source>dịch vụ SBI</source>
            <translation>SBI service</translation>
            <extra-code-en>SBI service</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="53" />
            <source>máy ảnh USB</source>
            <translation>USB camera</translation>
            <extra-code-en>USB camera</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="56" />
            <location filename="../devices_page.py" line="53" />
            <source>mô phỏng</source>
            <translation>simulated</translation>
            <extra-code-en>simulated</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="58" />
            <source> (chưa xác minh)</source>
            <translation> (not verified)</translation>
            <extra-code-en> (not verified)</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="70" />
            <source>{n} khung hình {w}×{h}</source>
            <translation>{n} frames {w}×{h}</translation>
            <extra-code-en>{n} frames {w}×{h}</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="97" />
            <source>Thiết bị và thiết lập</source>
            <translation>Devices and settings</translation>
            <extra-code-en>Devices and settings</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="100" />
            <source>Các thiết bị</source>
            <translation>Devices</translation>
            <extra-code-en>Devices</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="101" />
            <source>Thiết lập</source>
            <translation>Settings</translation>
            <extra-code-en>Settings</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="118" />
            <source>Tìm thiết bị</source>
            <translation>Find devices</translation>
            <extra-code-en>Find devices</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="120" />
            <source>Kiểm tra thiết bị đã chọn</source>
            <translation>Test the selected device</translation>
            <extra-code-en>Test the selected device</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="122" />
            <source>Dùng thiết bị này</source>
            <translation>Use this device</translation>
            <extra-code-en>Use this device</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="137" />
            <source>Loại</source>
            <translation>Kind</translation>
            <extra-code-en>Kind</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="137" />
            <location filename="../devices_page.py" line="143" />
            <source>Thiết bị</source>
            <translation>Device</translation>
            <extra-code-en>Device</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="138" />
            <source>Kiểu kết nối</source>
            <translation>Connection</translation>
            <extra-code-en>Connection</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="139" />
            <source>Đang dùng</source>
            <translation>In use</translation>
            <extra-code-en>In use</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="144" />
            <source>Kết quả</source>
            <translation>Result</translation>
            <extra-code-en>Result</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="145" />
            <source>Chi tiết</source>
            <translation>Details</translation>
            <extra-code-en>Details</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="146" />
            <source>Thời gian (giây)</source>
            <translation>Time (s)</translation>
            <extra-code-en>Time (s)</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="153" />
            <source>Kết quả tự kiểm tra</source>
            <translation>Self-test results</translation>
            <extra-code-en>Self-test results</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="196" />
            <source>Đang tìm máy ảnh và máy quét…</source>
            <translation>Looking for cameras and scanners…</translation>
            <extra-code-en>Looking for cameras and scanners…</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="200" />
            <source>Tìm thấy {n} thiết bị.</source>
            <translation>{n} device(s) found.</translation>
            <extra-code-en>{n} device(s) found.</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="209" />
            <source>đang dùng</source>
            <translation>in use</translation>
            <extra-code-en>in use</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="224" />
            <source>Đang kiểm tra {spec}…</source>
            <translation>Testing {spec}…</translation>
            <extra-code-en>Testing {spec}…</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="229" />
            <source>Kiểm tra xong.</source>
            <translation>Test finished.</translation>
            <extra-code-en>Test finished.</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="231" />
            <source>Không đạt</source>
            <translation>Failed</translation>
            <extra-code-en>Failed</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="231" />
            <source>Đạt</source>
            <translation>Passed</translation>
            <extra-code-en>Passed</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="246" />
            <source>Đã chọn {spec}: {state}.</source>
            <translation>Chose {spec}: {state}.</translation>
            <extra-code-en>Chose {spec}: {state}.</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="251" />
            <source>Đang mở {spec}…</source>
            <translation>Opening {spec}…</translation>
            <extra-code-en>Opening {spec}…</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="263" />
            <source>{kind}: {spec} — {state}</source>
            <translation>{kind}: {spec} — {state}</translation>
            <extra-code-en>{kind}: {spec} — {state}</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="282" />
            <source>Ngôn ngữ (áp dụng khi mở lại)</source>
            <translation>Language (applies at next start)</translation>
            <extra-code-en>Language (applies at next start)</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="284" />
            <source>Ngưỡng chất lượng vân tay NFIQ 2</source>
            <translation>Fingerprint NFIQ 2 threshold</translation>
            <extra-code-en>Fingerprint NFIQ 2 threshold</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="286" />
            <source>Số lần chụp lại tối đa</source>
            <translation>Maximum capture retries</translation>
            <extra-code-en>Maximum capture retries</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="293" />
            <source> (tối đa)</source>
            <translation> (max)</translation>
            <extra-code-en> (max)</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="294" />
            <source>Lưu thiết lập</source>
            <translation>Save settings</translation>
            <extra-code-en>Save settings</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="303" />
            <source>Chỉ quản trị viên được thay đổi các thiết lập này.</source>
            <translation>Only the admin may change these settings.</translation>
            <extra-code-en>Only the admin may change these settings.</extra-code-en>
        </message>
        <message>
            <location filename="../devices_page.py" line="330" />
            <source>Đã lưu thiết lập.</source>
            <translation>Settings saved.</translation>
            <extra-code-en>Settings saved.</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.drafts</name>
        <message>
            <location filename="../drafts.py" line="31" />
            <source>Thông tin</source>
            <translation>Form</translation>
            <extra-code-en>Form</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="31" />
            <source>Ảnh</source>
            <translation>Photo</translation>
            <extra-code-en>Photo</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="32" />
            <source>Vân tay</source>
            <translation>Fingerprints</translation>
            <extra-code-en>Fingerprints</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="33" />
            <source>Kiểm tra</source>
            <translation>Review</translation>
            <extra-code-en>Review</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="47" />
            <source>Hồ sơ đang làm dở</source>
            <translation>Unfinished enrollments</translation>
            <extra-code-en>Unfinished enrollments</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="51" />
            <source>Họ tên</source>
            <translation>Name</translation>
            <extra-code-en>Name</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="51" />
            <source>Tình trạng</source>
            <translation>Status</translation>
            <extra-code-en>Status</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="52" />
            <source>Bước / lý do</source>
            <translation>Step / reason</translation>
            <extra-code-en>Step / reason</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="53" />
            <source>Cập nhật</source>
            <translation>Updated</translation>
            <extra-code-en>Updated</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="59" />
            <source>Đang tải…</source>
            <translation>Loading…</translation>
            <extra-code-en>Loading…</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="61" />
            <source>Tiếp tục  (Enter)</source>
            <translation>Resume  (Enter)</translation>
            <extra-code-en>Resume  (Enter)</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="64" />
            <source>Huỷ nháp  (Delete)</source>
            <translation>Discard  (Delete)</translation>
            <extra-code-en>Discard  (Delete)</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="66" />
            <source>Đóng  (Esc)</source>
            <translation>Close  (Esc)</translation>
            <extra-code-en>Close  (Esc)</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="95" />
            <source>(chưa có tên)</source>
            <translation>(no name yet)</translation>
            <extra-code-en>(no name yet)</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="96" />
            <source>Bị trả lại</source>
            <translation>Returned</translation>
            <extra-code-en>Returned</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="96" />
            <source>Nháp</source>
            <translation>Draft</translation>
            <extra-code-en>Draft</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="104" />
            <source>{n} hồ sơ.</source>
            <translation>{n} record(s).</translation>
            <extra-code-en>{n} record(s).</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="105" />
            <source>Không có hồ sơ dở dang.</source>
            <translation>Nothing unfinished.</translation>
            <extra-code-en>Nothing unfinished.</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="122" />
            <source>Huỷ nháp</source>
            <translation>Discard draft</translation>
            <extra-code-en>Discard draft</extra-code-en>
        </message>
        <message>
            <location filename="../drafts.py" line="123" />
            <source>Huỷ vĩnh viễn bản nháp này? Không thể khôi phục.</source>
            <translation>Discard this draft for good? It cannot be restored.</translation>
            <extra-code-en>Discard this draft for good? It cannot be restored.</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.enroll_find</name>
        <message>
            <location filename="../enroll_find.py" line="34" />
            <source>đủ 14 tuổi</source>
            <translation>turns 14</translation>
            <extra-code-en>turns 14</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="34" />
            <source>đủ 25 tuổi</source>
            <translation>turns 25</translation>
            <extra-code-en>turns 25</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="35" />
            <source>đủ 40 tuổi</source>
            <translation>turns 40</translation>
            <extra-code-en>turns 40</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="35" />
            <source>đủ 60 tuổi</source>
            <translation>turns 60</translation>
            <extra-code-en>turns 60</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="36" />
            <source>chưa có thẻ</source>
            <translation>no card yet</translation>
            <extra-code-en>no card yet</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="54" />
            <source>Bước 1: Tìm công dân trong danh sách cấp thẻ</source>
            <translation>Step 1: Find the resident on the worklist</translation>
            <extra-code-en>Step 1: Find the resident on the worklist</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="60" />
            <source>Số định danh (12 số) hoặc họ tên, gõ không dấu cũng được</source>
            <translation>ID number (12 digits) or name, accents optional</translation>
            <extra-code-en>ID number (12 digits) or name, accents optional</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="64" />
            <source>Gõ để tìm. Enter: chọn và điền sẵn biểu mẫu.</source>
            <translation>Type to search. Enter: pick and prefill the form.</translation>
            <extra-code-en>Type to search. Enter: pick and prefill the form.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="67" />
            <source>Nhập mới, không có trong danh sách  (Ctrl+B)</source>
            <translation>Start blank, not on the worklist  (Ctrl+B)</translation>
            <extra-code-en>Start blank, not on the worklist  (Ctrl+B)</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="115" />
            <source>Đang tìm…</source>
            <translation>Searching…</translation>
            <extra-code-en>Searching…</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="141" />
            <source>{n} kết quả. Enter: chọn.</source>
            <translation>{n} result(s). Enter: pick.</translation>
            <extra-code-en>{n} result(s). Enter: pick.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_find.py" line="144" />
            <source>Không thấy trong danh sách. Kiểm tra lại hoặc nhập mới (Ctrl+B).</source>
            <translation>Not on the worklist. Check, or start blank (Ctrl+B).</translation>
            <extra-code-en>Not on the worklist. Check, or start blank (Ctrl+B).</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.enroll_form</name>
        <message>
            <location filename="../enroll_form.py" line="40" />
            <source>Cấp mới</source>
            <translation>New</translation>
            <extra-code-en>New</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="40" />
            <source>Cấp đổi</source>
            <translation>Renewal</translation>
            <extra-code-en>Renewal</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="41" />
            <source>Cấp lại</source>
            <translation>Replacement</translation>
            <extra-code-en>Replacement</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="45" />
            <source>Nam</source>
            <translation>Male</translation>
            <extra-code-en>Male</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="45" />
            <source>Nữ</source>
            <translation>Female</translation>
            <extra-code-en>Female</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="49" />
            <source>Chưa kết hôn</source>
            <translation>Single</translation>
            <extra-code-en>Single</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="49" />
            <source>Đã kết hôn</source>
            <translation>Married</translation>
            <extra-code-en>Married</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="50" />
            <source>Góa</source>
            <translation>Widowed</translation>
            <extra-code-en>Widowed</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="50" />
            <source>Ly hôn</source>
            <translation>Divorced</translation>
            <extra-code-en>Divorced</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="54" />
            <source>Nhận tại cơ quan Công an</source>
            <translation>Collect at the police office</translation>
            <extra-code-en>Collect at the police office</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="55" />
            <source>Nhận qua bưu chính</source>
            <translation>By post</translation>
            <extra-code-en>By post</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="59" />
            <source>Cha</source>
            <translation>Father</translation>
            <extra-code-en>Father</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="59" />
            <source>Mẹ</source>
            <translation>Mother</translation>
            <extra-code-en>Mother</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="60" />
            <source>Vợ/chồng</source>
            <translation>Spouse</translation>
            <extra-code-en>Spouse</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="61" />
            <source>Người đại diện</source>
            <translation>Representative</translation>
            <extra-code-en>Representative</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="72" />
            <source>Nơi đăng ký khai sinh</source>
            <translation>Birth registered in</translation>
            <extra-code-en>Birth registered in</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="73" />
            <source>Quê quán</source>
            <translation>Place of origin</translation>
            <extra-code-en>Place of origin</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="74" />
            <source>Nơi thường trú</source>
            <translation>Permanent residence</translation>
            <extra-code-en>Permanent residence</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="75" />
            <source>Nơi tạm trú</source>
            <translation>Temporary residence</translation>
            <extra-code-en>Temporary residence</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="76" />
            <source>Nơi ở hiện tại</source>
            <translation>Current residence</translation>
            <extra-code-en>Current residence</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="150" />
            <source>1. Yêu cầu</source>
            <translation>1. Request</translation>
            <extra-code-en>1. Request</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="151" />
            <source>Loại yêu cầu</source>
            <translation>Request</translation>
            <extra-code-en>Request</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="152" />
            <source>Số CMND/CCCD cũ</source>
            <translation>Previous card no.</translation>
            <extra-code-en>Previous card no.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="154" />
            <source>Ngày cấp</source>
            <translation>Issued on</translation>
            <extra-code-en>Issued on</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="155" />
            <source>Nơi cấp</source>
            <translation>Issued by</translation>
            <extra-code-en>Issued by</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="156" />
            <source>2. Nhân thân</source>
            <translation>2. Identity</translation>
            <extra-code-en>2. Identity</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="157" />
            <source>Họ, chữ đệm và tên khai sinh</source>
            <translation>Full name</translation>
            <extra-code-en>Full name</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="158" />
            <source>Tên gọi khác</source>
            <translation>Other name</translation>
            <extra-code-en>Other name</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="159" />
            <source>Ngày sinh</source>
            <translation>Date of birth</translation>
            <extra-code-en>Date of birth</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="160" />
            <source>Giới tính</source>
            <translation>Sex</translation>
            <extra-code-en>Sex</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="163" />
            <source>12 chữ số</source>
            <translation>12 digits</translation>
            <extra-code-en>12 digits</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="164" />
            <source>Số định danh cá nhân</source>
            <translation>Personal ID no.</translation>
            <extra-code-en>Personal ID no.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="165" />
            <source>Dân tộc</source>
            <translation>Ethnic group</translation>
            <extra-code-en>Ethnic group</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="166" />
            <source>Tôn giáo</source>
            <translation>Religion</translation>
            <extra-code-en>Religion</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="168" />
            <source>Quốc tịch</source>
            <translation>Nationality</translation>
            <extra-code-en>Nationality</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="169" />
            <source>Tình trạng hôn nhân</source>
            <translation>Marital status</translation>
            <extra-code-en>Marital status</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="171" />
            <source>Nhóm máu</source>
            <translation>Blood type</translation>
            <extra-code-en>Blood type</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="172" />
            <source>Nghề nghiệp</source>
            <translation>Occupation</translation>
            <extra-code-en>Occupation</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="173" />
            <source>3. Khai sinh và quê quán</source>
            <translation>3. Birth and origin</translation>
            <extra-code-en>3. Birth and origin</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="176" />
            <source>4. Cư trú</source>
            <translation>4. Residence</translation>
            <extra-code-en>4. Residence</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="179" />
            <source>Họ tên chủ hộ</source>
            <translation>Head of household</translation>
            <extra-code-en>Head of household</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="180" />
            <source>Quan hệ với chủ hộ</source>
            <translation>Relation to head</translation>
            <extra-code-en>Relation to head</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="182" />
            <source>5. Gia đình và người đại diện</source>
            <translation>5. Family and representative</translation>
            <extra-code-en>5. Family and representative</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="184" />
            <source>Dưới 14 tuổi: bắt buộc có người đại diện (cha, mẹ hoặc người giám hộ).</source>
            <translation>Under 14: a representative (parent or guardian) is required.</translation>
            <extra-code-en>Under 14: a representative (parent or guardian) is required.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="193" />
            <source>họ tên</source>
            <translation>name</translation>
            <extra-code-en>name</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="195" />
            <source>số định danh</source>
            <translation>ID no.</translation>
            <extra-code-en>ID no.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="197" />
            <source>quốc tịch</source>
            <translation>nation.</translation>
            <extra-code-en>nation.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="201" />
            <source>6. Liên hệ</source>
            <translation>6. Contacts</translation>
            <extra-code-en>6. Contacts</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="202" />
            <source>Số điện thoại</source>
            <translation>Phone</translation>
            <extra-code-en>Phone</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="203" />
            <source>Email</source>
            <translation>E-mail</translation>
            <extra-code-en>E-mail</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="204" />
            <source>7. Nhận thẻ</source>
            <translation>7. Card delivery</translation>
            <extra-code-en>7. Card delivery</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="205" />
            <source>Hình thức nhận</source>
            <translation>Delivery</translation>
            <extra-code-en>Delivery</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_form.py" line="209" />
            <source>Địa chỉ nhận</source>
            <translation>Delivery address</translation>
            <extra-code-en>Delivery address</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.enroll_page</name>
        <message>
            <location filename="../enroll_page.py" line="43" />
            <source>Thông tin</source>
            <translation>Form</translation>
            <extra-code-en>Form</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="43" />
            <source>Tìm công dân</source>
            <translation>Find</translation>
            <extra-code-en>Find</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="43" />
            <source>Ảnh</source>
            <translation>Photo</translation>
            <extra-code-en>Photo</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="44" />
            <source>Kiểm tra</source>
            <translation>Review</translation>
            <extra-code-en>Review</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="44" />
            <source>Vân tay</source>
            <translation>Fingerprints</translation>
            <extra-code-en>Fingerprints</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="44" />
            <source>Đã lưu</source>
            <translation>Saved</translation>
            <extra-code-en>Saved</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="81" />
            <source>Hồ sơ dở dang  (Ctrl+L)</source>
            <translation>Unfinished  (Ctrl+L)</translation>
            <extra-code-en>Unfinished  (Ctrl+L)</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="99" />
            <source>‹ Quay lại  (Alt+←)</source>
            <translation>‹ Back  (Alt+←)</translation>
            <extra-code-en>‹ Back  (Alt+←)</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="101" />
            <source>Tiếp ›  (Alt+→)</source>
            <translation>Next ›  (Alt+→)</translation>
            <extra-code-en>Next ›  (Alt+→)</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="245" />
            <source>Đang lưu nháp…</source>
            <translation>Saving draft…</translation>
            <extra-code-en>Saving draft…</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="261" />
            <source>Đã lưu nháp lúc </source>
            <translation>Draft saved at </translation>
            <extra-code-en>Draft saved at </extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="267" />
            <source>Chưa lưu được nháp: </source>
            <translation>Draft not saved: </translation>
            <extra-code-en>Draft not saved: </extra-code-en>
        </message>
        <message>
            <location filename="../enroll_page.py" line="377" />
            <source>Đang niêm phong hồ sơ…</source>
            <translation>Sealing the record…</translation>
            <extra-code-en>Sealing the record…</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.enroll_print</name>
        <message>
            <location filename="../enroll_print.py" line="43" />
            <source>Đang lưu nháp, bấm In lại sau giây lát.</source>
            <translation>Saving the draft; press Print again in a moment.</translation>
            <extra-code-en>Saving the draft; press Print again in a moment.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_print.py" line="61" />
            <source>Đã gửi {code} tới máy in.</source>
            <translation>{code} sent to the printer.</translation>
            <extra-code-en>{code} sent to the printer.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_print.py" line="62" />
            <source>Đã huỷ in {code}.</source>
            <translation>Printing {code} cancelled.</translation>
            <extra-code-en>Printing {code} cancelled.</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.enroll_steps</name>
        <message>
            <location filename="../enroll_steps.py" line="32" />
            <source>Dưới 6 tuổi: không thu nhận ảnh và vân tay. Bước này được bỏ qua.</source>
            <translation>Under 6: no photo or fingerprints. This step is skipped.</translation>
            <extra-code-en>Under 6: no photo or fingerprints. This step is skipped.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="34" />
            <source>Từ 6 đến dưới 14 tuổi: thu nhận khi có cha, mẹ hoặc người giám hộ đi cùng (đã ghi ở mục Người đại diện).</source>
            <translation>From 6 to under 14: captured with a parent or guardian present (recorded as the representative).</translation>
            <extra-code-en>From 6 to under 14: captured with a parent or guardian present (recorded as the representative).</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="38" />
            <source>Từ 14 tuổi: bắt buộc thu nhận.</source>
            <translation>From 14: capture is compulsory.</translation>
            <extra-code-en>From 14: capture is compulsory.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="52" />
            <source>Bước 5: Kiểm tra lại với công dân</source>
            <translation>Step 5: Review with the resident</translation>
            <extra-code-en>Step 5: Review with the resident</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="56" />
            <source>Mục</source>
            <translation>Field</translation>
            <extra-code-en>Field</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="56" />
            <source>Nội dung</source>
            <translation>Value</translation>
            <extra-code-en>Value</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="66" />
            <source>Công dân đã kiểm tra thông tin và đồng ý ký xác nhận</source>
            <translation>The resident checked the data and agrees to sign</translation>
            <extra-code-en>The resident checked the data and agrees to sign</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="69" />
            <source>Sửa thông tin</source>
            <translation>Edit the form</translation>
            <extra-code-en>Edit the form</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="70" />
            <source>Hoàn tất và lưu  (Ctrl+Enter)</source>
            <translation>Complete and save  (Ctrl+Enter)</translation>
            <extra-code-en>Complete and save  (Ctrl+Enter)</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="73" />
            <source>In phiếu CC01  (Ctrl+P)</source>
            <translation>Print CC01  (Ctrl+P)</translation>
            <extra-code-en>Print CC01  (Ctrl+P)</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="110" />
            <source>Chưa đủ sinh trắc học: </source>
            <translation>Biometrics incomplete: </translation>
            <extra-code-en>Biometrics incomplete: </extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="118" />
            <source> — lý do: </source>
            <translation> — reason: </translation>
            <extra-code-en> — reason: </extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="119" />
            <source> — chưa ghi lý do</source>
            <translation> — no reason given</translation>
            <extra-code-en> — no reason given</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="122" />
            <source>Không có lỗi hay cảnh báo.</source>
            <translation>No errors or warnings.</translation>
            <extra-code-en>No errors or warnings.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="129" />
            <source>Sửa lỗi và ghi lý do cho cảnh báo trước khi lưu.</source>
            <translation>Fix the errors and give reasons for warnings first.</translation>
            <extra-code-en>Fix the errors and give reasons for warnings first.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="132" />
            <source>Cần công dân xác nhận.</source>
            <translation>The resident must confirm.</translation>
            <extra-code-en>The resident must confirm.</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="148" />
            <source>Đã lưu hồ sơ</source>
            <translation>Record saved</translation>
            <extra-code-en>Record saved</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="153" />
            <source>Thu nhận người tiếp theo  (Enter)</source>
            <translation>Next resident  (Enter)</translation>
            <extra-code-en>Next resident  (Enter)</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="156" />
            <source>In giấy hẹn trả thẻ  (Ctrl+P)</source>
            <translation>Print the appointment slip  (Ctrl+P)</translation>
            <extra-code-en>Print the appointment slip  (Ctrl+P)</extra-code-en>
        </message>
        <message>
            <location filename="../enroll_steps.py" line="174" />
            <source>Hồ sơ của {name} đã được niêm phong và chờ trưởng ca duyệt.
Mã hồ sơ: {id}</source>
            <translation>The record of {name} is sealed and waits for the supervisor.
Record id: {id}</translation>
            <extra-code-en>The record of {name} is sealed and waits for the supervisor.
Record id: {id}</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.fields</name>
        <message>
            <location filename="../fields.py" line="49" />
            <source>Lý do chấp nhận cảnh báo (bắt buộc)</source>
            <translation>Reason for accepting the warning (required)</translation>
            <extra-code-en>Reason for accepting the warning (required)</extra-code-en>
        </message>
        <message>
            <location filename="../fields.py" line="94" />
            <source>— chọn —</source>
            <translation>— choose —</translation>
            <extra-code-en>— choose —</extra-code-en>
        </message>
        <message>
            <location filename="../fields.py" line="128" />
            <source>ngày/tháng/năm, ví dụ 05/09/1990</source>
            <translation>dd/mm/yyyy</translation>
            <extra-code-en>dd/mm/yyyy</extra-code-en>
        </message>
        <message>
            <location filename="../fields.py" line="158" />
            <source>Xã/phường: gõ tên, không cần dấu</source>
            <translation>Commune: type its name, no accents needed</translation>
            <extra-code-en>Commune: type its name, no accents needed</extra-code-en>
        </message>
        <message>
            <location filename="../fields.py" line="162" />
            <source>Số nhà, đường, thôn/bản</source>
            <translation>House, street, hamlet</translation>
            <extra-code-en>House, street, hamlet</extra-code-en>
        </message>
        <message>
            <location filename="../fields.py" line="199" />
            <location filename="../fields.py" line="187" />
            <source> (trước 2025)</source>
            <translation> (before 2025)</translation>
            <extra-code-en> (before 2025)</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.finger_diagram</name>
        <message>
            <location filename="../finger_diagram.py" line="28" />
            <source>Chưa lấy</source>
            <translation>To do</translation>
            <extra-code-en>To do</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="28" />
            <source>Đang lấy</source>
            <translation>Current</translation>
            <extra-code-en>Current</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="29" />
            <source>Ép (dưới ngưỡng)</source>
            <translation>Forced</translation>
            <extra-code-en>Forced</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="29" />
            <source>Đạt</source>
            <translation>Good</translation>
            <extra-code-en>Good</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="30" />
            <source>Không đạt</source>
            <translation>Failed</translation>
            <extra-code-en>Failed</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="30" />
            <source>Ngoại lệ</source>
            <translation>Exception</translation>
            <extra-code-en>Exception</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="38" />
            <source>4 ngón phải</source>
            <translation>Right four</translation>
            <extra-code-en>Right four</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="38" />
            <source>4 ngón trái</source>
            <translation>Left four</translation>
            <extra-code-en>Left four</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="39" />
            <source>2 ngón cái</source>
            <translation>Thumbs</translation>
            <extra-code-en>Thumbs</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="63" />
            <source>Tay trái</source>
            <translation>Left hand</translation>
            <extra-code-en>Left hand</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="64" />
            <source>Tay phải</source>
            <translation>Right hand</translation>
            <extra-code-en>Right hand</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="162" />
            <source>   (ngưỡng {n})</source>
            <translation>   (threshold {n})</translation>
            <extra-code-en>   (threshold {n})</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="172" />
            <source>Ngoại lệ vân tay</source>
            <translation>Fingerprint exception</translation>
            <extra-code-en>Fingerprint exception</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="182" />
            <source>Ghi chú (không bắt buộc)</source>
            <translation>Note (optional)</translation>
            <extra-code-en>Note (optional)</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="185" />
            <source>Ghi ngoại lệ</source>
            <translation>Record</translation>
            <extra-code-en>Record</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="186" />
            <source>Huỷ</source>
            <translation>Cancel</translation>
            <extra-code-en>Cancel</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="190" />
            <source>&amp;Ngón:</source>
            <translation>&amp;Finger:</translation>
            <extra-code-en>&amp;Finger:</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="191" />
            <source>&amp;Lý do:</source>
            <translation>&amp;Reason:</translation>
            <extra-code-en>&amp;Reason:</extra-code-en>
        </message>
        <message>
            <location filename="../finger_diagram.py" line="192" />
            <source>Ghi &amp;chú:</source>
            <translation>N&amp;ote:</translation>
            <extra-code-en>N&amp;ote:</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.finger_names</name>
        <message>
            <location filename="../finger_names.py" line="8" />
            <source>Ngón cái phải</source>
            <translation>R thumb</translation>
            <extra-code-en>R thumb</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="8" />
            <source>Ngón trỏ phải</source>
            <translation>R index</translation>
            <extra-code-en>R index</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="9" />
            <source>Ngón giữa phải</source>
            <translation>R middle</translation>
            <extra-code-en>R middle</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="9" />
            <source>Ngón áp út phải</source>
            <translation>R ring</translation>
            <extra-code-en>R ring</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="10" />
            <source>Ngón cái trái</source>
            <translation>L thumb</translation>
            <extra-code-en>L thumb</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="10" />
            <source>Ngón út phải</source>
            <translation>R little</translation>
            <extra-code-en>R little</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="11" />
            <source>Ngón giữa trái</source>
            <translation>L middle</translation>
            <extra-code-en>L middle</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="11" />
            <source>Ngón trỏ trái</source>
            <translation>L index</translation>
            <extra-code-en>L index</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="12" />
            <source>Ngón áp út trái</source>
            <translation>L ring</translation>
            <extra-code-en>L ring</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="12" />
            <source>Ngón út trái</source>
            <translation>L little</translation>
            <extra-code-en>L little</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="13" />
            <source>Bốn ngón tay phải</source>
            <translation>Right slap</translation>
            <extra-code-en>Right slap</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="13" />
            <source>Bốn ngón tay trái</source>
            <translation>Left slap</translation>
            <extra-code-en>Left slap</extra-code-en>
        </message>
        <message>
            <location filename="../finger_names.py" line="14" />
            <source>Hai ngón cái</source>
            <translation>Both thumbs</translation>
            <extra-code-en>Both thumbs</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.finger_step</name>
        <message>
            <location filename="../finger_step.py" line="54" />
            <source>Bước 4: Vân tay</source>
            <translation>Step 4: Fingerprints</translation>
            <extra-code-en>Step 4: Fingerprints</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="71" />
            <source>Bắt đầu lấy vân tay  (Ctrl+K)</source>
            <translation>Start fingerprints  (Ctrl+K)</translation>
            <extra-code-en>Start fingerprints  (Ctrl+K)</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="79" />
            <source>Lấy lại vị trí này  (Ctrl+G)</source>
            <translation>Capture this again  (Ctrl+G)</translation>
            <extra-code-en>Capture this again  (Ctrl+G)</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="83" />
            <source>Ngoại lệ…  (Ctrl+E)</source>
            <translation>Exception…  (Ctrl+E)</translation>
            <extra-code-en>Exception…  (Ctrl+E)</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="160" />
            <source>Đã lấy đủ. Chọn vị trí và bấm Lấy lại nếu cần.</source>
            <translation>All taken. Pick a position and press Capture again if needed.</translation>
            <extra-code-en>All taken. Pick a position and press Capture again if needed.</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="175" />
            <source>Vị trí này đã ghi ngoại lệ.</source>
            <translation>This position is an exception.</translation>
            <extra-code-en>This position is an exception.</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="233" />
            <source>Đạt ngưỡng.</source>
            <translation>Meets the threshold.</translation>
            <extra-code-en>Meets the threshold.</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="235" />
            <source>Chưa đạt ({q}) — đặt lại ngón tay.</source>
            <translation>Not good enough ({q}) — place again.</translation>
            <extra-code-en>Not good enough ({q}) — place again.</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="263" />
            <source>Nhấc tay ra khỏi máy quét</source>
            <translation>Lift off the scanner</translation>
            <extra-code-en>Lift off the scanner</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="265" />
            <source>Lăn ngón: {name}</source>
            <translation>Roll: {name}</translation>
            <extra-code-en>Roll: {name}</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="267" />
            <source>Đặt lên máy quét: {name}</source>
            <translation>Place on the scanner: {name}</translation>
            <extra-code-en>Place on the scanner: {name}</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="272" />
            <source>Lần thử {n}/{m}</source>
            <translation>Attempt {n}/{m}</translation>
            <extra-code-en>Attempt {n}/{m}</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="277" />
            <source>Không lấy vân tay</source>
            <translation>No fingerprints</translation>
            <extra-code-en>No fingerprints</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="280" />
            <source>Máy quét vân tay chưa được kết nối trong phiên bản này.</source>
            <translation>No fingerprint scanner is connected in this version.</translation>
            <extra-code-en>No fingerprint scanner is connected in this version.</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="283" />
            <source>Còn {n} vị trí. Bấm Bắt đầu.</source>
            <translation>{n} positions left. Press Start.</translation>
            <extra-code-en>{n} positions left. Press Start.</extra-code-en>
        </message>
        <message>
            <location filename="../finger_step.py" line="286" />
            <source>Đã lấy đủ 13 vị trí</source>
            <translation>All 13 positions done</translation>
            <extra-code-en>All 13 positions done</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.login</name>
        <message>
            <location filename="../login.py" line="36" />
            <source>Trạm thu nhận căn cước</source>
            <translation>Identity enrollment station</translation>
            <extra-code-en>Identity enrollment station</extra-code-en>
        </message>
        <message>
            <location filename="../login.py" line="37" />
            <source>Đã khoá</source>
            <translation>Locked</translation>
            <extra-code-en>Locked</extra-code-en>
        </message>
        <message>
            <location filename="../login.py" line="46" />
            <location filename="../login.py" line="37" />
            <source>Đăng nhập</source>
            <translation>Log in</translation>
            <extra-code-en>Log in</extra-code-en>
        </message>
        <message>
            <location filename="../login.py" line="53" />
            <source>Tên đăng nhập</source>
            <translation>User name</translation>
            <extra-code-en>User name</extra-code-en>
        </message>
        <message>
            <location filename="../login.py" line="54" />
            <source>Mật khẩu</source>
            <translation>Password</translation>
            <extra-code-en>Password</extra-code-en>
        </message>
        <message>
            <location filename="../login.py" line="88" />
            <source>Đang kiểm tra…</source>
            <translation>Checking…</translation>
            <extra-code-en>Checking…</extra-code-en>
        </message>
        <message>
            <location filename="../login.py" line="116" />
            <source>Có thể thử lại.</source>
            <translation>You can try again.</translation>
            <extra-code-en>You can try again.</extra-code-en>
        </message>
        <message>
            <location filename="../login.py" line="118" />
            <source>Nhập sai nhiều lần. Thử lại sau {s} giây.</source>
            <translation>Too many wrong passwords. Try again in {s} s.</translation>
            <extra-code-en>Too many wrong passwords. Try again in {s} s.</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.main_window</name>
        <message>
            <location filename="../main_window.py" line="87" />
            <source>Thu nhận</source>
            <translation>Enroll</translation>
            <extra-code-en>Enroll</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="88" />
            <source>Hồ sơ</source>
            <translation>Records</translation>
            <extra-code-en>Records</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="89" />
            <source>Duyệt</source>
            <translation>Approve</translation>
            <extra-code-en>Approve</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="90" />
            <source>Đồng bộ</source>
            <translation>Sync</translation>
            <extra-code-en>Sync</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="91" />
            <source>Tổng quan</source>
            <translation>Dashboard</translation>
            <extra-code-en>Dashboard</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="92" />
            <source>Thiết bị</source>
            <translation>Devices</translation>
            <extra-code-en>Devices</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="162" />
            <source>● Trực tuyến</source>
            <translation>● Online</translation>
            <extra-code-en>● Online</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="163" />
            <source>○ Ngoại tuyến</source>
            <translation>○ Offline</translation>
            <extra-code-en>○ Offline</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="165" />
            <source>Nháp: {a} · Chờ duyệt: {b} · Chờ gửi: {c}</source>
            <translation>Drafts: {a} · To approve: {b} · To send: {c}</translation>
            <extra-code-en>Drafts: {a} · To approve: {b} · To send: {c}</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="181" />
            <source>Đã có phiên bản mới {latest} (máy đang dùng {installed}). Cách cập nhật: {where}</source>
            <translation>A newer version {latest} exists (this station runs {installed}). How to update: {where}</translation>
            <extra-code-en>A newer version {latest} exists (this station runs {installed}). How to update: {where}</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="199" />
            <source>Máy ảnh {c} · Máy quét {s}</source>
            <translation>Camera {c} · Scanner {s}</translation>
            <extra-code-en>Camera {c} · Scanner {s}</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="207" />
            <source>⚠ Đã quá hạn đồng bộ</source>
            <translation>⚠ Sync overdue</translation>
            <extra-code-en>⚠ Sync overdue</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="208" />
            <source>⚠ Quá nhiều hồ sơ chờ duyệt</source>
            <translation>⚠ Too many to approve</translation>
            <extra-code-en>⚠ Too many to approve</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="209" />
            <source>⚠ Hồ sơ chờ duyệt quá lâu</source>
            <translation>⚠ Approvals overdue</translation>
            <extra-code-en>⚠ Approvals overdue</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="210" />
            <source>⚠ Quá nhiều gói chưa gửi</source>
            <translation>⚠ Too many undelivered</translation>
            <extra-code-en>⚠ Too many undelivered</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="211" />
            <source>⚠ Đã quá hạn cập nhật</source>
            <translation>⚠ Update overdue</translation>
            <extra-code-en>⚠ Update overdue</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="214" />
            <source>{n} ngày tới hạn đồng bộ</source>
            <translation>{n} days until sync is due</translation>
            <extra-code-en>{n} days until sync is due</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="215" />
            <source>còn {n} hồ sơ tới hạn chờ duyệt</source>
            <translation>{n} records to the approval limit</translation>
            <extra-code-en>{n} records to the approval limit</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="217" />
            <source>{n} ngày tới hạn duyệt</source>
            <translation>{n} days until approval is due</translation>
            <extra-code-en>{n} days until approval is due</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="218" />
            <source>còn {n} gói tới hạn chưa gửi</source>
            <translation>{n} packets to the delivery limit</translation>
            <extra-code-en>{n} packets to the delivery limit</extra-code-en>
        </message>
        <message>
            <location filename="../main_window.py" line="219" />
            <source>{n} ngày tới hạn cập nhật</source>
            <translation>{n} days until update is due</translation>
            <extra-code-en>{n} days until update is due</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.operations</name>
        <message>
            <location filename="../operations.py" line="75" />
            <source>Lỗi không mong đợi ({kind}). Dữ liệu đã lưu không bị ảnh hưởng.</source>
            <translation>Unexpected error ({kind}). Saved data is not affected.</translation>
            <extra-code-en>Unexpected error ({kind}). Saved data is not affected.</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.photo_step</name>
        <message>
            <location filename="../photo_step.py" line="48" />
            <source>Một khuôn mặt</source>
            <translation>One face</translation>
            <extra-code-en>One face</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="49" />
            <source>Cỡ khuôn mặt</source>
            <translation>Face size</translation>
            <extra-code-en>Face size</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="50" />
            <source>Ở giữa khung</source>
            <translation>Centred</translation>
            <extra-code-en>Centred</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="51" />
            <source>Đầu thẳng</source>
            <translation>Head level</translation>
            <extra-code-en>Head level</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="52" />
            <source>Đủ gần camera</source>
            <translation>Close enough</translation>
            <extra-code-en>Close enough</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="53" />
            <source>Độ nét</source>
            <translation>Sharpness</translation>
            <extra-code-en>Sharpness</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="54" />
            <source>Độ sáng</source>
            <translation>Exposure</translation>
            <extra-code-en>Exposure</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="55" />
            <source>Độ tương phản</source>
            <translation>Contrast</translation>
            <extra-code-en>Contrast</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="56" />
            <source>Phông nền sáng, trơn</source>
            <translation>Plain light background</translation>
            <extra-code-en>Plain light background</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="156" />
            <source>Bước 3: Ảnh chân dung</source>
            <translation>Step 3: Face photo</translation>
            <extra-code-en>Step 3: Face photo</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="171" />
            <source>Chụp ngay  (Ctrl+K)</source>
            <translation>Capture now  (Ctrl+K)</translation>
            <extra-code-en>Capture now  (Ctrl+K)</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="174" />
            <source>Chụp lại  (Ctrl+Shift+K)</source>
            <translation>Retake  (Ctrl+Shift+K)</translation>
            <extra-code-en>Retake  (Ctrl+Shift+K)</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="180" />
            <source>Kiểm tra ảnh</source>
            <translation>Photo checks</translation>
            <extra-code-en>Photo checks</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="212" />
            <source>Ảnh đã chụp</source>
            <translation>Photo taken</translation>
            <extra-code-en>Photo taken</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="246" />
            <source>Đã có ảnh</source>
            <translation>Photo taken</translation>
            <extra-code-en>Photo taken</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="247" />
            <source>Chưa có ảnh</source>
            <translation>No photo yet</translation>
            <extra-code-en>No photo yet</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="250" />
            <source>Ảnh đạt {q}/100, chụp lại {r} lần</source>
            <translation>Photo {q}/100, {r} retakes</translation>
            <extra-code-en>Photo {q}/100, {r} retakes</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="253" />
            <source> — CHỤP ÉP (chưa đạt kiểm tra)</source>
            <translation> — FORCED (checks not passed)</translation>
            <extra-code-en> — FORCED (checks not passed)</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="266" />
            <source>Đang mở camera…</source>
            <translation>Opening the camera…</translation>
            <extra-code-en>Opening the camera…</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="271" />
            <source>Dưới 6 tuổi: không cần ảnh chân dung.</source>
            <translation>Under 6: no photo is needed.</translation>
            <extra-code-en>Under 6: no photo is needed.</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="302" />
            <source>Đã chụp. Bấm Chụp lại nếu cần.</source>
            <translation>Taken. Press Retake if needed.</translation>
            <extra-code-en>Taken. Press Retake if needed.</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="304" />
            <source>Đang kiểm tra ảnh…</source>
            <translation>Checking the photo…</translation>
            <extra-code-en>Checking the photo…</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="306" />
            <source>Giữ yên… tự chụp khi đạt</source>
            <translation>Hold still… capturing when it passes</translation>
            <extra-code-en>Hold still… capturing when it passes</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="330" />
            <source>Đang chụp…</source>
            <translation>Capturing…</translation>
            <extra-code-en>Capturing…</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="338" />
            <source>Chụp lại: đưa khuôn mặt vào khung.</source>
            <translation>Retake: frame the face in the oval.</translation>
            <extra-code-en>Retake: frame the face in the oval.</extra-code-en>
        </message>
        <message>
            <location filename="../photo_step.py" line="353" />
            <source>Camera không có hình</source>
            <translation>No picture from the camera</translation>
            <extra-code-en>No picture from the camera</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.record_view</name>
        <message>
            <location filename="../record_view.py" line="28" />
            <source>Chờ duyệt</source>
            <translation>To approve</translation>
            <extra-code-en>To approve</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="28" />
            <source>Nháp</source>
            <translation>Draft</translation>
            <extra-code-en>Draft</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="29" />
            <source>Bị trả lại</source>
            <translation>Rejected</translation>
            <extra-code-en>Rejected</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="29" />
            <source>Đã duyệt</source>
            <translation>Approved</translation>
            <extra-code-en>Approved</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="30" />
            <source>Chờ gửi</source>
            <translation>Queued</translation>
            <extra-code-en>Queued</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="30" />
            <source>Đang gửi</source>
            <translation>Uploading</translation>
            <extra-code-en>Uploading</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="31" />
            <source>Đã gửi</source>
            <translation>Delivered</translation>
            <extra-code-en>Delivered</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="32" />
            <source>Trung tâm đã nhận</source>
            <translation>Accepted</translation>
            <extra-code-en>Accepted</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="33" />
            <source>Cần thu nhận lại</source>
            <translation>Re-enroll</translation>
            <extra-code-en>Re-enroll</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="34" />
            <source>Đã xoá sinh trắc</source>
            <translation>Purged</translation>
            <extra-code-en>Purged</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="37" />
            <source>Họ tên</source>
            <translation>Name</translation>
            <extra-code-en>Name</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="37" />
            <source>Số định danh</source>
            <translation>ID number</translation>
            <extra-code-en>ID number</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="38" />
            <source>Ngày sinh</source>
            <translation>Date of birth</translation>
            <extra-code-en>Date of birth</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="39" />
            <source>Quốc tịch</source>
            <translation>Nationality</translation>
            <extra-code-en>Nationality</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="40" />
            <source>Người đại diện</source>
            <translation>Representative</translation>
            <extra-code-en>Representative</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="41" />
            <source>Vợ/chồng</source>
            <translation>Spouse</translation>
            <extra-code-en>Spouse</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="42" />
            <source>Nơi thường trú</source>
            <translation>Permanent residence</translation>
            <extra-code-en>Permanent residence</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="43" />
            <source>Nơi ở hiện tại</source>
            <translation>Current residence</translation>
            <extra-code-en>Current residence</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="44" />
            <source>Nơi tạm trú</source>
            <translation>Temporary residence</translation>
            <extra-code-en>Temporary residence</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="45" />
            <source>Nơi đăng ký khai sinh</source>
            <translation>Birth registered in</translation>
            <extra-code-en>Birth registered in</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="46" />
            <source>Quê quán</source>
            <translation>Place of origin</translation>
            <extra-code-en>Place of origin</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="98" />
            <location filename="../record_view.py" line="122" />
            <source>Chọn một hồ sơ để xem.</source>
            <translation>Pick a record to see it.</translation>
            <extra-code-en>Pick a record to see it.</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="101" />
            <source>Mục</source>
            <translation>Field</translation>
            <extra-code-en>Field</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="101" />
            <source>Nội dung</source>
            <translation>Value</translation>
            <extra-code-en>Value</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="132" />
            <source>tạo </source>
            <translation>created </translation>
            <extra-code-en>created </extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="133" />
            <source>sửa </source>
            <translation>updated </translation>
            <extra-code-en>updated </extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="136" />
            <source>Lý do trả lại: </source>
            <translation>Rejected: </translation>
            <extra-code-en>Rejected: </extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="146" />
            <source>có</source>
            <translation>yes</translation>
            <extra-code-en>yes</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="146" />
            <source>không</source>
            <translation>no</translation>
            <extra-code-en>no</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="147" />
            <source>Ảnh: {face} · vân tay: {n} vị trí · ép: {forced} · ngoại lệ: {exc}</source>
            <translation>Photo: {face} · prints: {n} · forced: {forced} · exceptions: {exc}</translation>
            <extra-code-en>Photo: {face} · prints: {n} · forced: {forced} · exceptions: {exc}</extra-code-en>
        </message>
        <message>
            <location filename="../record_view.py" line="151" />
            <source>Đồng hồ máy bất thường khi tạo hồ sơ.</source>
            <translation>The clock looked wrong when the record was made.</translation>
            <extra-code-en>The clock looked wrong when the record was made.</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.records_page</name>
        <message>
            <location filename="../records_page.py" line="55" />
            <source>Hồ sơ trên trạm</source>
            <translation>Records on this station</translation>
            <extra-code-en>Records on this station</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="59" />
            <source>Tìm theo số định danh hoặc họ tên (Enter)</source>
            <translation>Search by ID number or name (Enter)</translation>
            <extra-code-en>Search by ID number or name (Enter)</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="62" />
            <source>Mọi trạng thái</source>
            <translation>All states</translation>
            <extra-code-en>All states</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="65" />
            <source>‹ Trang trước</source>
            <translation>‹ Previous</translation>
            <extra-code-en>‹ Previous</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="66" />
            <source>Trang sau ›</source>
            <translation>Next ›</translation>
            <extra-code-en>Next ›</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="68" />
            <source>Họ tên</source>
            <translation>Name</translation>
            <extra-code-en>Name</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="68" />
            <source>Số định danh</source>
            <translation>ID number</translation>
            <extra-code-en>ID number</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="69" />
            <source>Cập nhật</source>
            <translation>Updated</translation>
            <extra-code-en>Updated</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="69" />
            <source>Trạng thái</source>
            <translation>State</translation>
            <extra-code-en>State</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="134" />
            <source>Đang tải…</source>
            <translation>Loading…</translation>
            <extra-code-en>Loading…</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="148" />
            <source>Trang {n}</source>
            <translation>Page {n}</translation>
            <extra-code-en>Page {n}</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="149" />
            <source>{n} hồ sơ.</source>
            <translation>{n} record(s).</translation>
            <extra-code-en>{n} record(s).</extra-code-en>
        </message>
        <message>
            <location filename="../records_page.py" line="150" />
            <source>Không có hồ sơ nào.</source>
            <translation>No records.</translation>
            <extra-code-en>No records.</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.review_page</name>
        <message>
            <location filename="../review_page.py" line="35" />
            <source>Có thể trùng</source>
            <translation>Possible duplicate</translation>
            <extra-code-en>Possible duplicate</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="36" />
            <source>Chụp ép</source>
            <translation>Forced capture</translation>
            <extra-code-en>Forced capture</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="36" />
            <source>Đồng hồ bất thường</source>
            <translation>Clock</translation>
            <extra-code-en>Clock</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="37" />
            <source>Ngoại lệ vân tay</source>
            <translation>Exception</translation>
            <extra-code-en>Exception</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="38" />
            <source>Bỏ qua cảnh báo</source>
            <translation>Warning overridden</translation>
            <extra-code-en>Warning overridden</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="39" />
            <source>Thử tối đa</source>
            <translation>Retries at cap</translation>
            <extra-code-en>Retries at cap</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="61" />
            <source>Lý do trả lại</source>
            <translation>Reason</translation>
            <extra-code-en>Reason</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="62" />
            <source>Nhập lại mật khẩu</source>
            <translation>Your password</translation>
            <extra-code-en>Your password</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="77" />
            <source>Duyệt hồ sơ</source>
            <translation>Approve records</translation>
            <extra-code-en>Approve records</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="82" />
            <source>Họ tên</source>
            <translation>Name</translation>
            <extra-code-en>Name</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="82" />
            <source>Rủi ro</source>
            <translation>Risk</translation>
            <extra-code-en>Risk</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="83" />
            <source>Lý do xem kỹ</source>
            <translation>Why</translation>
            <extra-code-en>Why</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="83" />
            <source>Số định danh</source>
            <translation>ID number</translation>
            <extra-code-en>ID number</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="84" />
            <source>Thu nhận lúc</source>
            <translation>Taken at</translation>
            <extra-code-en>Taken at</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="89" />
            <source>Duyệt hồ sơ đã chọn  (Ctrl+Enter)</source>
            <translation>Approve selected  (Ctrl+Enter)</translation>
            <extra-code-en>Approve selected  (Ctrl+Enter)</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="92" />
            <source>Trả lại…  (Ctrl+J)</source>
            <translation>Reject…  (Ctrl+J)</translation>
            <extra-code-en>Reject…  (Ctrl+J)</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="94" />
            <source>Duyệt tất cả hồ sơ không rủi ro</source>
            <translation>Approve all clean records</translation>
            <extra-code-en>Approve all clean records</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="115" />
            <source>Chỉ trưởng ca (giám sát viên) được duyệt hoặc trả lại hồ sơ. Bạn có thể xem danh sách.</source>
            <translation>Only a supervisor may approve or reject records. You can look at the list.</translation>
            <extra-code-en>Only a supervisor may approve or reject records. You can look at the list.</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="148" />
            <source>Không</source>
            <translation>None</translation>
            <extra-code-en>None</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="156" />
            <source>{n} hồ sơ chờ duyệt, {clean} không có rủi ro.</source>
            <translation>{n} waiting, {clean} clean.</translation>
            <extra-code-en>{n} waiting, {clean} clean.</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="184" />
            <source>Duyệt {n} hồ sơ</source>
            <translation>Approve {n} record(s)</translation>
            <extra-code-en>Approve {n} record(s)</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="189" />
            <location filename="../review_page.py" line="201" />
            <source>Đã duyệt {n} hồ sơ.</source>
            <translation>Approved {n} record(s).</translation>
            <extra-code-en>Approved {n} record(s).</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="196" />
            <source>Duyệt mọi hồ sơ không rủi ro</source>
            <translation>Approve all clean records</translation>
            <extra-code-en>Approve all clean records</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="208" />
            <source>Chọn đúng một hồ sơ để trả lại.</source>
            <translation>Select exactly one record to reject.</translation>
            <extra-code-en>Select exactly one record to reject.</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="211" />
            <source>Trả lại hồ sơ cho cán bộ</source>
            <translation>Send the record back</translation>
            <extra-code-en>Send the record back</extra-code-en>
        </message>
        <message>
            <location filename="../review_page.py" line="216" />
            <source>Đã trả lại hồ sơ cho cán bộ.</source>
            <translation>The record went back to the officer.</translation>
            <extra-code-en>The record went back to the officer.</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.shell</name>
        <message>
            <location filename="../shell.py" line="36" />
            <source>Trạm thu nhận căn cước</source>
            <translation>Identity enrollment station</translation>
            <extra-code-en>Identity enrollment station</extra-code-en>
        </message>
    </context>
    <context>
        <name>app.ui.sync_page</name>
        <message>
            <location filename="../sync_page.py" line="34" />
            <source>Chờ gửi</source>
            <translation>Queued</translation>
            <extra-code-en>Queued</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="34" />
            <source>Đang gửi</source>
            <translation>Uploading</translation>
            <extra-code-en>Uploading</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="35" />
            <source>Đã gửi (có biên nhận)</source>
            <translation>Delivered (receipt)</translation>
            <extra-code-en>Delivered (receipt)</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="36" />
            <source>Trung tâm đã chấp nhận</source>
            <translation>Accepted by centre</translation>
            <extra-code-en>Accepted by centre</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="37" />
            <source>Bị trả lại</source>
            <translation>Returned</translation>
            <extra-code-en>Returned</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="37" />
            <source>Đã duyệt</source>
            <translation>Approved</translation>
            <extra-code-en>Approved</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="40" />
            <source>Chưa có kết nối: dữ liệu vẫn an toàn trên máy, sẽ tự gửi khi có mạng.</source>
            <translation>No connection: the data is safe on this laptop and will be sent when online.</translation>
            <extra-code-en>No connection: the data is safe on this laptop and will be sent when online.</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="84" />
            <source>Đồng bộ với trung tâm</source>
            <translation>Sync with the centre</translation>
            <extra-code-en>Sync with the centre</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="92" />
            <source>%v / %m gói đã gửi</source>
            <translation>%v / %m packets delivered</translation>
            <extra-code-en>%v / %m packets delivered</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="95" />
            <source>Đồng bộ ngay (Ctrl+Enter)</source>
            <translation>Sync now (Ctrl+Enter)</translation>
            <extra-code-en>Sync now (Ctrl+Enter)</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="101" />
            <source>Xuất ra USB…</source>
            <translation>Export to USB…</translation>
            <extra-code-en>Export to USB…</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="103" />
            <source>Nhập lô từ USB…</source>
            <translation>Import a USB batch…</translation>
            <extra-code-en>Import a USB batch…</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="113" />
            <source>Mã gói</source>
            <translation>Packet</translation>
            <extra-code-en>Packet</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="113" />
            <source>Tiến độ</source>
            <translation>Progress</translation>
            <extra-code-en>Progress</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="113" />
            <source>Trạng thái</source>
            <translation>State</translation>
            <extra-code-en>State</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="114" />
            <source>Ghi chú của trung tâm / lỗi</source>
            <translation>Centre's note / error</translation>
            <extra-code-en>Centre's note / error</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="157" />
            <source>Lần thử {n}: sẽ thử lại tự động</source>
            <translation>Attempt {n}: will retry automatically</translation>
            <extra-code-en>Attempt {n}: will retry automatically</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="160" />
            <source>Đã xuất ra USB</source>
            <translation>Exported to USB</translation>
            <extra-code-en>Exported to USB</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="177" />
            <source>Trạm chưa đăng ký với trung tâm: dùng xuất USB.</source>
            <translation>Not registered with the centre: use USB export.</translation>
            <extra-code-en>Not registered with the centre: use USB export.</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="180" />
            <source>chưa lần nào</source>
            <translation>never</translation>
            <extra-code-en>never</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="181" />
            <source>Lần liên lạc cuối: {last} (UTC)</source>
            <translation>Last contact: {last} (UTC)</translation>
            <extra-code-en>Last contact: {last} (UTC)</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="184" />
            <source> · lệch đồng hồ {s:+.0f} giây</source>
            <translation> · clock offset {s:+.0f} s</translation>
            <extra-code-en> · clock offset {s:+.0f} s</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="186" />
            <source> — hãy chỉnh lại giờ máy</source>
            <translation> — please set the laptop's clock</translation>
            <extra-code-en> — please set the laptop's clock</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="207" />
            <source>Đang đồng bộ…</source>
            <translation>Syncing…</translation>
            <extra-code-en>Syncing…</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="217" />
            <source>Gói hiện tại: {sent} / {total}</source>
            <translation>Current packet: {sent} / {total}</translation>
            <extra-code-en>Current packet: {sent} / {total}</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="233" />
            <source> Còn {n} gói chờ gửi.</source>
            <translation> {n} packet(s) waiting.</translation>
            <extra-code-en> {n} packet(s) waiting.</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="236" />
            <source>Đã gửi {sent} gói, còn {pending} gói chờ.</source>
            <translation>Delivered {sent} packet(s), {pending} waiting.</translation>
            <extra-code-en>Delivered {sent} packet(s), {pending} waiting.</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="240" />
            <source> {n} gói bị trung tâm từ chối: báo cho tổ trưởng.</source>
            <translation> {n} refused by the centre: tell your supervisor.</translation>
            <extra-code-en> {n} refused by the centre: tell your supervisor.</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="244" />
            <source> Kết nối bị ngắt giữa chừng: phần còn lại sẽ gửi tiếp lần sau.</source>
            <translation> The link dropped: the rest resumes next time.</translation>
            <extra-code-en> The link dropped: the rest resumes next time.</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="261" />
            <source>Chọn thư mục trên USB</source>
            <translation>Choose a USB folder</translation>
            <extra-code-en>Choose a USB folder</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="266" />
            <source>Chọn thư mục lô</source>
            <translation>Choose a batch folder</translation>
            <extra-code-en>Choose a batch folder</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="277" />
            <source>Đang xuất và đọc lại để kiểm tra…</source>
            <translation>Exporting and reading back…</translation>
            <extra-code-en>Exporting and reading back…</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="285" />
            <source>chữ ký và mọi tệp đều đúng</source>
            <translation>signature and every file correct</translation>
            <extra-code-en>signature and every file correct</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="286" />
            <source>KHÔNG khớp</source>
            <translation>MISMATCH</translation>
            <extra-code-en>MISMATCH</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="287" />
            <source>Đã xuất {n} gói. Đọc lại: {check}.</source>
            <translation>Exported {n} packet(s). Read-back: {check}.</translation>
            <extra-code-en>Exported {n} packet(s). Read-back: {check}.</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="300" />
            <source>Đang kiểm tra và gửi lô…</source>
            <translation>Checking and sending the batch…</translation>
            <extra-code-en>Checking and sending the batch…</extra-code-en>
        </message>
        <message>
            <location filename="../sync_page.py" line="307" />
            <source>Lô của trạm {station}: gửi {sent}, trung tâm đã có {held}, bị từ chối {refused}.</source>
            <translation>Batch from {station}: sent {sent}, already held {held}, refused {refused}.</translation>
            <extra-code-en>Batch from {station}: sent {sent}, already held {held}, refused {refused}.</extra-code-en>
        </message>
    </context>
</TS>

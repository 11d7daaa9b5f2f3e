/**
 * Stable error codes for expected failures, with their Vietnamese message and HTTP status. The server maps
 * them in one error handler; the web app shows `message` as it comes.
 */
export const ERRORS = {
  'VALIDATION.FAILED': {
    status: 400,
    message: 'Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
  },
  'REQUEST.MALFORMED': { status: 400, message: 'Yêu cầu không đúng định dạng (JSON không hợp lệ).' },
  'REQUEST.TOO_LARGE': { status: 413, message: 'Dữ liệu gửi lên quá lớn.' },
  'REQUEST.UNSUPPORTED_MEDIA': { status: 415, message: 'Kiểu nội dung không được hỗ trợ; hãy gửi JSON.' },
  'AUTH.INVALID_CREDENTIALS': { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  'AUTH.LOCKED': {
    status: 429,
    message: 'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
  },
  'AUTH.REQUIRED': { status: 401, message: 'Vui lòng đăng nhập.' },
  'AUTH.SESSION_EXPIRED': { status: 401, message: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.' },
  'AUTH.CSRF': { status: 403, message: 'Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (CSRF).' },
  'AUTH.PASSWORD_CHANGE_REQUIRED': { status: 403, message: 'Bạn cần đổi mật khẩu trước khi tiếp tục.' },
  'AUTH.WRONG_PASSWORD': { status: 400, message: 'Mật khẩu hiện tại không đúng.' },
  'AUTH.FORBIDDEN': { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy dữ liệu yêu cầu.' },
  'ROUTE.NOT_FOUND': { status: 404, message: 'Không tìm thấy địa chỉ yêu cầu.' },
  'CONFLICT.VERSION': {
    status: 409,
    message: 'Bản ghi đã được người khác thay đổi. Vui lòng tải lại trang và thử lại.',
  },
  'CONFLICT.RETRY': {
    status: 409,
    message: 'Dữ liệu đang được người khác cập nhật cùng lúc. Không có gì thay đổi; vui lòng thử lại.',
  },
  'UNIT.CODE_TAKEN': { status: 409, message: 'Mã đơn vị đã tồn tại.' },
  'UNIT.PARENT_NOT_FOUND': { status: 400, message: 'Đơn vị cấp trên không tồn tại.' },
  'UNIT.CYCLE': {
    status: 400,
    message: 'Không thể đặt đơn vị làm cấp trên của chính nó hoặc của đơn vị cấp trên nó.',
  },
  'UNIT.HAS_ACTIVE_CHILDREN': {
    status: 409,
    message: 'Không thể ngừng hoạt động đơn vị khi còn đơn vị trực thuộc đang hoạt động.',
  },
  'UNIT.PARENT_INACTIVE': { status: 400, message: 'Đơn vị cấp trên đã ngừng hoạt động.' },
  'USER.USERNAME_TAKEN': { status: 409, message: 'Tên đăng nhập đã tồn tại.' },
  'USER.UNIT_NOT_FOUND': { status: 400, message: 'Đơn vị của tài khoản không tồn tại.' },
  'USER.CANNOT_DEACTIVATE_SELF': { status: 400, message: 'Không thể tự khóa tài khoản của chính mình.' },
  'PERSON.CODE_TAKEN': { status: 409, message: 'Mã cán bộ đã tồn tại.' },
  'PERSON.UNIT_NOT_FOUND': { status: 400, message: 'Đơn vị không tồn tại.' },
  'PERSON.OUT_OF_SCOPE': { status: 403, message: 'Đơn vị này không thuộc phạm vi quản lý của bạn.' },
  'PERSON.TRANSFER_DATE': {
    status: 400,
    message: 'Ngày chuyển công tác phải sau ngày bắt đầu ở đơn vị hiện tại.',
  },
  'RECORD.DUPLICATE': { status: 409, message: 'Bản ghi này đã tồn tại.' },
  'BLOCK.DUPLICATE': { status: 409, message: 'Năm này đã có khối thi đua cùng tên.' },
  'BLOCK.LEAD_NOT_MEMBER': { status: 400, message: 'Khối trưởng và Khối phó phải là thành viên của khối.' },
  'SUCCESSION.INVALID': { status: 400, message: 'Quan hệ kế thừa không hợp lệ.' },
  'IMPORT.FILE_REQUIRED': { status: 400, message: 'Vui lòng chọn tệp để nhập.' },
  'IMPORT.TOO_LARGE': { status: 413, message: 'Tệp quá lớn để nhập.' },
  'RULES.INVALID_PACK': { status: 400, message: 'Bộ quy định địa phương không hợp lệ.' },
  'RULES.PACK_EXISTS': { status: 409, message: 'Mã bộ quy định đã tồn tại.' },
  'SALARY.DATE_TAKEN': { status: 409, message: 'Đã có mức lương cơ sở áp dụng từ ngày này.' },
  'ELIGIBILITY.SCOPE_REQUIRED': {
    status: 400,
    message:
      'Cần chọn đơn vị, khối thi đua hoặc cá nhân để xét (tài khoản đơn vị chỉ xét trong đơn vị mình).',
  },
  // Movements (phong trào thi đua) and registration (đăng ký thi đua), issue 5.
  'MOVEMENT.NOT_DRAFT': {
    status: 409,
    message: 'Phong trào đã phát động: không thể sửa chỉ tiêu hoặc đối tượng.',
  },
  'MOVEMENT.NOT_LAUNCHED': { status: 409, message: 'Phong trào chưa được phát động.' },
  'MOVEMENT.CLOSED': { status: 409, message: 'Phong trào đã kết thúc: không thể sửa đổi.' },
  'MOVEMENT.NO_TARGETS': { status: 400, message: 'Phong trào chưa có đơn vị nào thuộc đối tượng thực hiện.' },
  'MOVEMENT.TARGET_INVALID': { status: 400, message: 'Khối thi đua hoặc đơn vị được chọn không tồn tại.' },
  'MOVEMENT.NOT_TARGET': { status: 403, message: 'Đơn vị này không thuộc đối tượng thực hiện phong trào.' },
  'MOVEMENT.OTHER_UNIT': { status: 403, message: 'Đơn vị chỉ được báo cáo kết quả của chính mình.' },
  'MOVEMENT.VALUE_KIND': {
    status: 400,
    message: 'Giá trị chỉ tiêu không đúng loại. Vui lòng kiểm tra các chỉ tiêu được đánh dấu.',
  },
  'REGISTRATION.DUPLICATE': { status: 409, message: 'Đơn vị đã có bản đăng ký thi đua cho năm này.' },
  'REGISTRATION.OUT_OF_SCOPE': { status: 403, message: 'Đơn vị này không thuộc phạm vi quản lý của bạn.' },
  'REGISTRATION.WRONG_STATUS': {
    status: 409,
    message: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của bản đăng ký.',
  },
  'REGISTRATION.NOT_ALLOWED': {
    status: 403,
    message: 'Bạn không được thực hiện thao tác này với bản đăng ký.',
  },
  'REGISTRATION.REASON_REQUIRED': { status: 400, message: 'Vui lòng nêu lý do trả lại bản đăng ký.' },
  'REGISTRATION.EMPTY': { status: 400, message: 'Bản đăng ký chưa có danh hiệu nào.' },
  'REGISTRATION.ALREADY_FORWARDED': { status: 409, message: 'Bản đăng ký đã được tổng hợp gửi cấp trên.' },
  'REGISTRATION.NOTHING_TO_FORWARD': {
    status: 409,
    message: 'Không có bản đăng ký đã duyệt nào chưa gửi cấp trên.',
  },
  'REGISTRATION.ITEM_INVALID': {
    status: 400,
    message: 'Danh sách đăng ký có dòng không hợp lệ. Vui lòng kiểm tra các dòng được đánh dấu.',
  },
  // Block covenant and scoring (issue 5, part 3).
  'SCORING.NO_SET': { status: 404, message: 'Khối thi đua này chưa có bộ tiêu chí chấm điểm.' },
  'SCORING.NOT_LEAD': {
    status: 403,
    message: 'Chỉ đơn vị Khối trưởng hoặc Khối phó của khối trong năm này mới được thực hiện thao tác này.',
  },
  'SCORING.NOT_OWN_SHEET': {
    status: 403,
    message: 'Đơn vị chỉ được tự chấm phiếu điểm của chính mình, không chấm phiếu của đơn vị khác.',
  },
  'SCORING.NOT_DRAFT': {
    status: 409,
    message: 'Bộ tiêu chí đã mở chấm điểm nên không thể sửa tiêu chí nữa.',
  },
  'SCORING.NOT_OPEN': { status: 409, message: 'Khối chưa mở chấm điểm hoặc đã khóa kết quả.' },
  'SCORING.LOCKED': {
    status: 409,
    message: 'Kết quả chấm điểm đã được khóa sau cuộc họp khối; không thể thay đổi.',
  },
  'SCORING.NOT_LOCKED': {
    status: 409,
    message: 'Chỉ đề nghị khen thưởng và bầu luân phiên sau khi kết quả chấm điểm đã được khóa.',
  },
  'SCORING.INVALID_CRITERIA': {
    status: 400,
    message: 'Bộ tiêu chí chưa hợp lệ. Vui lòng kiểm tra các tiêu chí được đánh dấu.',
  },
  'SCORING.INVALID_SCORE': {
    status: 400,
    message: 'Điểm chấm không hợp lệ. Vui lòng kiểm tra các tiêu chí được đánh dấu.',
  },
  'SCORING.EVIDENCE_REQUIRED': {
    status: 400,
    message: 'Một số tiêu chí bắt buộc có minh chứng. Vui lòng đính kèm minh chứng trước khi nộp phiếu.',
  },
  'SCORING.SHEETS_PENDING': {
    status: 409,
    message: 'Còn đơn vị chưa nộp phiếu tự chấm điểm; chưa thể khóa kết quả.',
  },
  'SCORING.NOTHING_TO_COPY': { status: 404, message: 'Không tìm thấy bộ tiêu chí năm trước để sao chép.' },
  'SCORING.NOT_MEMBER': { status: 400, message: 'Đơn vị được chọn không phải thành viên của khối.' },
  'SCORING.NOT_LEADER': {
    status: 403,
    message: 'Chỉ đơn vị Khối trưởng của khối trong năm này mới lập hồ sơ đề nghị khen thưởng của khối.',
  },
  'SCORING.NO_PROPOSAL': {
    status: 409,
    message: 'Chưa có đề nghị Cờ thi đua hoặc Bằng khen của khối; hãy ghi đề nghị trước khi lập hồ sơ.',
  },
  'SCORING.PROPOSAL_DOSSIER_MADE': {
    status: 409,
    message: 'Đã lập hồ sơ đề nghị từ kết quả này; hãy sửa danh sách đề nghị trong hồ sơ.',
  },
  'SCORING.EVIDENCE_LIMIT': { status: 400, message: 'Mỗi tiêu chí có tối đa 20 minh chứng.' },
  'SCORING.EVIDENCE_FILE_UNKNOWN': {
    status: 400,
    message: 'Tệp minh chứng không thuộc phiếu điểm này; hãy tải tệp lên bằng nút "Tải tệp minh chứng".',
  },
  // Nomination to decision (issue 6): dossiers, disclosure, council, decisions.
  'DOSSIER.WRONG_STATUS': {
    status: 409,
    message: 'Hồ sơ đang ở trạng thái không cho phép thao tác này. Vui lòng tải lại trang.',
  },
  'DOSSIER.NOT_ALLOWED': { status: 403, message: 'Vai trò của bạn không được thực hiện bước này của hồ sơ.' },
  'DOSSIER.REASON_REQUIRED': { status: 400, message: 'Vui lòng nêu rõ lý do.' },
  'DOSSIER.EMPTY': { status: 400, message: 'Hồ sơ chưa có người hoặc tập thể nào được đề nghị.' },
  'DOSSIER.MISSING_ATTACHMENTS': {
    status: 400,
    message:
      'Hồ sơ còn thiếu tài liệu bắt buộc (tờ trình, báo cáo thành tích…). Vui lòng đính kèm trước khi gửi.',
  },
  'DOSSIER.UNCHECKED_NOMINEES': {
    status: 409,
    message: 'Còn người được đề nghị chưa được kiểm tra điều kiện. Vui lòng chạy kiểm tra trước.',
  },
  'DOSSIER.UNRESOLVED_NOMINEES': {
    status: 409,
    message:
      'Còn người được đề nghị cần xem xét (không đủ điều kiện, trùng lặp hoặc cần thẩm định) chưa được chấp nhận có lý do hoặc loại khỏi hồ sơ.',
  },
  'DOSSIER.DISCLOSURE_OPEN': {
    status: 409,
    message: 'Thời hạn công khai chưa kết thúc; chưa thể đưa hồ sơ ra Hội đồng.',
  },
  'DOSSIER.COMMENTS_UNHANDLED': {
    status: 409,
    message: 'Còn ý kiến góp ý của nhân dân chưa được xử lý; Hội đồng chưa thể bỏ phiếu.',
  },
  'DOSSIER.NOT_VOTED': { status: 409, message: 'Hội đồng chưa bỏ phiếu xong cho tất cả người được đề nghị.' },
  'DOSSIER.NONE_PASSED': {
    status: 409,
    message: 'Không có người được đề nghị nào đạt tỷ lệ phiếu cần thiết.',
  },
  'DOSSIER.TRANSMITTAL_REQUIRED': {
    status: 400,
    message: 'Vui lòng nhập nội dung tờ trình (văn bản chuyển) gửi cấp trên.',
  },
  'DOSSIER.NOT_IN_DECISION': {
    status: 409,
    message: 'Người được đề nghị đạt phiếu chưa có trong quyết định khen thưởng đã ban hành.',
  },
  'DOSSIER.NOT_EDITABLE': {
    status: 409,
    message: 'Hồ sơ đã gửi đi; chỉ sửa được khi còn là bản nháp hoặc bị trả lại.',
  },
  'DOSSIER.NOMINEE_INVALID': {
    status: 400,
    message: 'Danh sách đề nghị chưa hợp lệ. Vui lòng kiểm tra các dòng được đánh dấu.',
  },
  'DOSSIER.DUPLICATE_NOMINEE': {
    status: 409,
    message: 'Người hoặc tập thể này đã có trong hồ sơ với cùng danh hiệu, hình thức.',
  },
  'DOSSIER.FILE_TYPE': {
    status: 415,
    message: 'Tệp đính kèm phải là PDF, DOCX hoặc ảnh (JPG, PNG); nội dung tệp không khớp với phần mở rộng.',
  },
  'DOSSIER.FILE_TOO_LARGE': { status: 413, message: 'Tệp đính kèm vượt quá dung lượng cho phép (20 MB).' },
  'DISCLOSURE.NOT_OPEN': {
    status: 409,
    message: 'Danh sách này không (hoặc không còn) được công khai lấy ý kiến.',
  },
  'DISCLOSURE.TOO_SHORT': {
    status: 400,
    message: 'Thời hạn công khai ngắn hơn số ngày làm việc tối thiểu theo quy định.',
  },
  'DISCLOSURE.REFUSED': {
    status: 400,
    message:
      'Góp ý không được chấp nhận. Vui lòng tải lại trang, điền đầy đủ và gửi lại (không quá 2 liên kết).',
  },
  'COUNCIL.EXISTS': { status: 409, message: 'Đơn vị này đã có Hội đồng Thi đua – Khen thưởng trong năm.' },
  'COUNCIL.MEMBER_USER_TAKEN': {
    status: 409,
    message: 'Tài khoản này đã gắn với một thành viên khác của Hội đồng.',
  },
  'COUNCIL.MEMBER_IN_USE': {
    status: 409,
    message: 'Thành viên đã có điểm danh hoặc phiếu trong phiên họp; không thể xóa hay thay đổi lúc này.',
  },
  'COUNCIL.NOT_MEMBER': { status: 403, message: 'Bạn không phải thành viên Hội đồng của phiên họp này.' },
  'COUNCIL.ALREADY_VOTED': { status: 409, message: 'Thành viên này đã bỏ phiếu cho người được đề nghị này.' },
  'COUNCIL.SESSION_NOT_OPEN': {
    status: 409,
    message: 'Phiên họp chưa mở hoặc đã kết thúc; không thể bỏ phiếu.',
  },
  'COUNCIL.SESSION_NOT_PLANNED': {
    status: 409,
    message: 'Phiên họp đã bắt đầu; không thể thay đổi chương trình hoặc thành phần.',
  },
  'COUNCIL.NO_QUORUM': {
    status: 409,
    message: 'Phiên họp chưa đủ số thành viên có mặt theo quy định; chưa thể mở phiên.',
  },
  'COUNCIL.ITEM_INVALID': {
    status: 400,
    message: 'Chỉ đưa vào phiên họp những hồ sơ đang chờ Hội đồng xét.',
  },
  'COUNCIL.ABSENT': {
    status: 409,
    message: 'Thành viên vắng mặt không có ý kiến bằng văn bản; không thể ghi phiếu.',
  },
  'DECISION.NOT_DRAFT': {
    status: 409,
    message:
      'Quyết định đã ban hành; không thể sửa hoặc xóa. Muốn đính chính hoặc thu hồi, hãy ban hành quyết định khác.',
  },
  'DECISION.NOT_APPROVED': {
    status: 409,
    message: 'Chỉ đưa vào quyết định những người đã được Hội đồng thông qua (hồ sơ đã được phê duyệt).',
  },
  'DECISION.EMPTY': { status: 400, message: 'Quyết định chưa có người hoặc tập thể được khen thưởng.' },
  'DECISION.INCOMPLETE': {
    status: 400,
    message: 'Quyết định còn thiếu ngày ký, người ký hoặc chức danh người ký.',
  },
  'DECISION.NO_BASE_SALARY': {
    status: 409,
    message: 'Chưa có mức lương cơ sở áp dụng cho ngày ký quyết định; không tính được tiền thưởng.',
  },
  'DECISION.ALREADY_DECIDED': {
    status: 409,
    message: 'Người hoặc tập thể này đã được khen thưởng danh hiệu, hình thức này trong cùng kỳ.',
  },
  'DECISION.REFERENCE_INVALID': {
    status: 400,
    message: 'Quyết định được đính chính hoặc thu hồi phải là quyết định đã ban hành.',
  },
  // Issue 7: the year-end summary.
  'REPORT.SCOPE_NOT_FOUND': {
    status: 404,
    message: 'Không có đơn vị hay khối thi đua này trong năm báo cáo.',
  },
  'REPORT.OUT_OF_SCOPE': {
    status: 403,
    message: 'Phạm vi báo cáo này vượt quá đơn vị bạn được xem; bạn chỉ xem được báo cáo của đơn vị mình.',
  },
  'REPORT.STALE_VERSION': {
    status: 409,
    message:
      'Phần nhận định đã được người khác lưu phiên bản mới hơn. Hãy tải lại phiên bản mới nhất rồi lưu lại.',
  },
  'REPORT.PUBLISH_UNAVAILABLE': { status: 503, message: 'Chưa kết nối được cổng thông tin để đăng tin.' },
  // Issue 7: news of the public portal.
  'NEWS.SLUG_TAKEN': {
    status: 409,
    message: 'Đường dẫn này đã được dùng cho tin khác; hãy chọn đường dẫn khác.',
  },
  'NEWS.CATEGORY_SLUG_TAKEN': { status: 409, message: 'Đường dẫn chuyên mục đã tồn tại.' },
  'NEWS.CATEGORY_NOT_FOUND': { status: 400, message: 'Chuyên mục tin không tồn tại.' },
  // Issue 7: the emulation fund and certificates.
  'FUND.UNIT_NOT_FOUND': { status: 400, message: 'Đơn vị giữ quỹ không tồn tại.' },
  'FUND.DECISION_NOT_PAYABLE': {
    status: 409,
    message: 'Chỉ ghi chi tiền thưởng cho quyết định khen thưởng đã ban hành và có tiền thưởng.',
  },
  'FUND.DECISION_RECORDED': {
    status: 409,
    message: 'Tiền thưởng của quyết định này đã được ghi vào sổ quỹ (mỗi quyết định chỉ ghi một lần).',
  },
  'FUND.DECISION_ENTRY_LOCKED': {
    status: 409,
    message:
      'Khoản chi thưởng theo quyết định chỉ được sửa ngày và nội dung; số tiền là tổng tiền thưởng của quyết định.',
  },
  'CERTIFICATE.CODE_TAKEN': { status: 409, message: 'Mã mẫu giấy khen, bằng khen đã tồn tại.' },
  'CERTIFICATE.DECISION_NOT_ISSUED': {
    status: 409,
    message: 'Chỉ in giấy khen, bằng khen cho quyết định khen thưởng đã ban hành.',
  },
  'CERTIFICATE.NO_RECIPIENTS': {
    status: 400,
    message: 'Không có người nhận nào của quyết định phù hợp với mẫu được chọn.',
  },
  RATE_LIMITED: { status: 429, message: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.' },
  INTERNAL: { status: 500, message: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode | string;
  message: string;
  fields?: Record<string, string>;
  requestId?: string;
}

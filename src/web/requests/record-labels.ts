/**
 * The boxes of the printed forms (000 附件一, 附件三, 附件四) that the workflows record into, by the
 * field names the shipped definitions give them (resources/workflows/README.md, "Recording"), with
 * the labels of their choices. The request page uses them for records whose action's schema it does
 * not have: GET /api/request-types gives each action's label, not its fields.
 */

type LocalText = { 'zh-TW': string; en: string };
const l = (zh: string, en: string): LocalText => ({ 'zh-TW': zh, en });

export const RECORD_FIELD_LABELS: Readonly<Record<string, LocalText>> = {
  // 附件一: sign-offs, opinions, handling and confirmation.
  opinion: l('意見', 'Opinion'),
  reasons: l('理由', 'Reasons'),
  reason: l('原因', 'Reason'),
  note: l('備註', 'Note'),
  comment: l('意見', 'Comment'),
  isItService: l('是否為 IT 服務', 'Is it an IT service?'),
  withinContract: l('是否為資訊委外服務合約範圍內需求', 'Within the outsourcing contract?'),
  difficulty: l('申請案之難易', 'Difficulty'),
  handler: l('處理人員', 'Handler'),
  plannedCompletionDate: l('預計上線(完成)時間', 'Planned go-live (completion) date'),
  handlingResult: l('處理經過、結果', 'Handling and result'),
  improvementSuggestions: l('建議改善事項', 'Suggested improvements'),
  actualCompletionDate: l('實際上線(完成)時間', 'Actual go-live (completion) date'),
  confirmedOn: l('確認日期', 'Confirmed on'),
  confirmedVia: l('確認方式', 'Confirmed by'),
  missing: l('請補正事項', 'To be completed'),
  supplement: l('補正內容', 'Supplement'),
  question: l('請申請人回覆事項', 'Question for the requester'),
  party: l('等待對象', 'Waiting for'),
  reply: l('回覆內容', 'Reply'),
  // 附件三: the security incident report.
  assessment: l('了解情形', 'Assessment'),
  canHandleDirectly: l('可逕行處理，解決問題', 'Can be handled directly'),
  grade: l('影響等級', 'Grade'),
  level: l('事件等級', 'Level'),
  impact: l('可能影響範圍及損失評估', 'Scope and damage'),
  response: l('應變措施', 'Response'),
  measures: l('應變措施', 'Measures'),
  supportWanted: l('期望支援項目', 'Support wanted'),
  reportNo: l('編號', 'Report number'),
  reportedToSuperiorAt: l('通報上級主管機關時間', 'Reported to the superior authority at'),
  reportedToNationalCertAt: l('通報國家資通安全會報（通報應變組）時間', 'Reported to the national CERT at'),
  channel: l('通報方式', 'Reported by'),
  channelFailureReason: l('無法上網填報之原因', 'Why the web could not be used'),
  completedAt: l('完成時間', 'Completed at'),
  solution: l('解決辦法', 'Solution'),
  repairedAt: l('已修護時間', 'Repaired at'),
  instructions: l('督導指示', 'Instructions'),
  requestedAt: l('請求時間', 'Requested at'),
  consentedAt: l('同意時間', 'Consented at'),
  arrivedAt: l('到場時間', 'Arrived at'),
  team: l('支援人員', 'Team'),
  // 附件四: the vendor account application.
  receivedOn: l('收件日期', 'Received on'),
  companySeal: l('已加蓋公司章', "Company's seal present"),
  responsiblePersonSeal: l('已加蓋負責人章', "Responsible person's seal present"),
  formComplete: l('申請表單填寫內容齊全', 'The form is complete'),
  equipmentReady: l('電腦軟硬體配備完備', 'Computer equipment ready'),
  confirmed: l('確認為本園區之廠商或報關行', 'A park company or customs broker'),
  kind: l('類別', 'Kind'),
  explainedOn: l('說明日期', 'Explained on'),
  explainedVia: l('說明方式', 'Explained by'),
  permissionsGranted: l('已設定使用者權限', 'Users’ permissions granted'),
  goLiveOn: l('輔導上線日期', 'Live on'),
};

export const RECORD_VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, LocalText>>>> = {
  difficulty: {
    simple: l('較簡單之案件，直接處理', 'Simple: handle at once'),
    disputed: l('有爭議，提出協調申請', 'Disputed: ask for coordination'),
  },
  grade: {
    A: l('『A』級', 'A'),
    B: l('『B』級', 'B'),
    C: l('『C』級', 'C'),
    D: l('『D』級', 'D'),
  },
  level: {
    '1': l('第一級', 'Level 1'),
    '2': l('第二級', 'Level 2'),
    '3': l('第三級', 'Level 3'),
    '4': l('第四級', 'Level 4'),
  },
  channel: {
    web: l('上網通報', 'On the web'),
    phone: l('電話', 'Phone'),
    fax: l('傳真', 'Fax'),
    email: l('電子郵件', 'E-mail'),
  },
  confirmedVia: { phone: l('電話', 'Phone'), email: l('電子郵件', 'E-mail'), paper: l('紙本簽章', 'Signed paper') },
  kind: { park_company: l('園區廠商', 'Park company'), customs_broker: l('報關行', 'Customs broker') },
  explainedVia: { email: l('電子郵件', 'E-mail'), phone: l('電話', 'Phone'), letter: l('書函', 'Letter') },
};

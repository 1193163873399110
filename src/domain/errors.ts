/**
 * Every error GovDesk reports, by stable code: its HTTP status and its title in both languages.
 * Code decides on codes, never on message text; one table maps them to HTTP.
 */
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, en: 'The input is not valid', zh: '輸入資料有誤' },
  bad_request: { status: 400, en: 'The request cannot be processed', zh: '無法處理此請求' },
  unauthenticated: { status: 401, en: 'Please sign in', zh: '請先登入' },
  invalid_credentials: {
    status: 401,
    en: 'Wrong username or password, or the account is locked (ask the service desk to unlock it)',
    zh: '帳號或密碼錯誤，或帳號已鎖定（請洽服務台解鎖）',
  },
  password_change_required: {
    status: 403,
    en: 'Please change your password first',
    zh: '請先變更密碼',
  },
  mfa_enrolment_required: {
    status: 403,
    en: 'Please set up a second factor (authenticator app) first',
    zh: '請先設定雙因子驗證（驗證器 App）',
  },
  rate_limited: {
    status: 429,
    en: 'Too many failed sign-ins from this address; try again in 15 minutes',
    zh: '此位址登入失敗次數過多，請 15 分鐘後再試',
  },
  csrf_failed: {
    status: 403,
    en: 'The form has expired; reload the page and try again',
    zh: '表單已逾時，請重新整理頁面後再試',
  },
  forbidden: { status: 403, en: 'You are not allowed to do this', zh: '您沒有執行此操作的權限' },
  not_found: { status: 404, en: 'Not found', zh: '找不到指定的資料' },
  request_closed: {
    status: 409,
    en: 'The request is closed and can no longer change',
    zh: '此申請已結案，不能再變更',
  },
  conflict: { status: 409, en: 'The data conflicts with existing data', zh: '資料與現有資料衝突' },
  payload_too_large: { status: 413, en: 'The upload is too large', zh: '上傳的資料過大' },
  unsupported_media_type: {
    status: 415,
    en: 'This content type is not accepted',
    zh: '不接受此資料格式',
  },
  internal_error: {
    status: 500,
    en: 'Something went wrong on the server',
    zh: '伺服器發生錯誤，請稍後再試',
  },
} as const satisfies Record<string, { status: number; en: string; zh: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export type FieldProblem = {
  field: string;
  in: 'body' | 'query' | 'params' | 'headers' | 'file';
  code: string;
  message: string;
  message_zh: string;
};

/** A failure the user can act on, raised by domain and service code and turned into problem+json. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly detail: { en: string; zh: string } | undefined;
  readonly fields: FieldProblem[];

  constructor(code: ErrorCode, options: { detail?: { en: string; zh: string }; fields?: FieldProblem[] } = {}) {
    super(options.detail?.en ?? ERROR_CATALOGUE[code].en);
    this.name = 'DomainError';
    this.code = code;
    this.detail = options.detail;
    this.fields = options.fields ?? [];
  }

  /** A validation failure of one body field, with the reason in both languages. */
  static field(field: string, code: string, en: string, zh: string): DomainError {
    return new DomainError('validation_failed', {
      detail: { en: `${field}: ${en}`, zh: `${field}：${zh}` },
      fields: [{ field, in: 'body', code, message: en, message_zh: zh }],
    });
  }
}

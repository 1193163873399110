import { describe, expect, it } from 'vitest';
import { ApiError, ContractError } from '../data/client.js';
import { problemText } from './problem-text.js';

const fallbacks = { network: 'network', contract: 'contract', unknown: 'unknown' };

const validation = new ApiError(400, {
  type: 'urn:govdesk:problem:validation_failed',
  title: 'The input is not valid',
  title_zh: '輸入資料有誤',
  status: 400,
  code: 'validation_failed',
  detail: 'applicantPhone: required',
  detail_zh: 'applicantPhone：必填',
  errors: [
    { field: 'applicantPhone', in: 'body', code: 'required', message: 'Required', message_zh: '請填寫電話' },
    { field: 'attachments.0', in: 'file', code: 'too_large', message: 'Too large', message_zh: '檔案過大' },
    { field: 'attachments.1', in: 'file', code: 'too_large', message: 'Too big', message_zh: '檔案太大' },
  ],
});

describe('problemText', () => {
  it('speaks the language of the page, and files messages under the field they name', () => {
    expect(problemText(validation, 'zh-TW', fallbacks)).toEqual({
      title: '輸入資料有誤',
      detail: 'applicantPhone：必填',
      fields: { applicantPhone: '請填寫電話', attachments: '檔案過大、檔案太大' },
    });
    expect(problemText(validation, 'en', fallbacks).fields.applicantPhone).toBe('Required');
  });

  it('falls back by kind when there is no problem document', () => {
    expect(problemText(new ApiError(502, null), 'zh-TW', fallbacks).detail).toBe('unknown');
    expect(problemText(new ContractError('/api/x', 'bad'), 'zh-TW', fallbacks).detail).toBe('contract');
    expect(problemText(new TypeError('Failed to fetch'), 'zh-TW', fallbacks).detail).toBe('network');
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError, ContractError } from '../data/client.js';
import { problemFieldMessages, problemText } from './problem-text.js';

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

describe('problemFieldMessages', () => {
  it('keeps whole paths, so that a form can show each message at its own field', () => {
    expect(problemFieldMessages(validation, 'zh-TW')).toEqual({
      applicantPhone: '請填寫電話',
      'attachments.0': '檔案過大',
      'attachments.1': '檔案太大',
    });
    const definition = new ApiError(400, {
      type: 'urn:govdesk:problem:validation_failed',
      title: 'The input is not valid',
      title_zh: '輸入資料有誤',
      status: 400,
      code: 'validation_failed',
      errors: [
        { field: 'form.companyName', in: 'body', code: 'required', message: 'Required', message_zh: '必填' },
        { field: 'form.companyName', in: 'body', code: 'too_long', message: 'Too long', message_zh: '太長' },
      ],
    });
    expect(problemFieldMessages(definition, 'en')).toEqual({ 'form.companyName': 'Required; Too long' });
  });

  it('is empty for failures without field errors', () => {
    expect(problemFieldMessages(new TypeError('Failed to fetch'), 'zh-TW')).toEqual({});
    expect(problemFieldMessages(new ApiError(500, null), 'en')).toEqual({});
  });
});

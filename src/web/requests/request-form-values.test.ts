import { describe, expect, it } from 'vitest';
import { Me } from '../../shared/api/auth.schema.js';
import {
  channelsFor,
  filingRoute,
  initialValues,
  leadTimeShort,
  toCreateBody,
  validateRequest,
} from './request-form-values.js';

/** A plain requester: every ability of the schema off, however many there are. */
const noAbilities = Object.fromEntries(
  Object.keys(Me.shape.abilities.shape).map((ability) => [ability, false]),
) as Me['abilities'];

const me: Me = {
  id: '0b7f3c1e-2a4d-4c6e-8f10-123456789abc',
  username: 'staff01',
  displayName: '王小明',
  email: null,
  phone: '02-2345-6789',
  kind: 'staff',
  unitId: '1b7f3c1e-2a4d-4c6e-8f10-123456789abc',
  unitName: '投資組',
  roles: [{ role: 'requester', unitId: null, unitName: null }],
  mustChangePassword: false,
  mfaEnabled: false,
  mustEnrolMfa: false,
  abilities: noAbilities,
};

const filled = () => ({
  ...initialValues(me, '2026-11-22'),
  wishedDate: '2026-12-01',
  title: '印表機無法列印',
  description: '三樓投資組的印表機卡紙，清除後仍無法列印。',
});

describe('the new-request form', () => {
  it('starts as the person filing for themselves today', () => {
    const values = initialValues(me, '2026-11-22');
    expect(values).toMatchObject({
      unitId: me.unitId,
      applicantUserId: me.id,
      applicantName: '王小明',
      applicantPhone: '02-2345-6789',
      applicationDate: '2026-11-22',
      type: 'general',
      channel: 'web',
    });
  });

  it('accepts a complete form', () => {
    expect(validateRequest(filled())).toEqual({});
  });

  it('asks for every required field', () => {
    const issues = validateRequest({ ...filled(), title: '  ', description: '', wishedDate: '', applicantPhone: '' });
    expect(issues).toEqual({
      title: { code: 'required' },
      description: { code: 'required' },
      wishedDate: { code: 'required' },
      applicantPhone: { code: 'required' },
    });
  });

  it('limits lengths as the schema does', () => {
    expect(validateRequest({ ...filled(), title: 'x'.repeat(201) }).title).toEqual({ code: 'tooLong', max: 200 });
  });

  it('refuses a wished date before the application date', () => {
    expect(validateRequest({ ...filled(), wishedDate: '2026-11-21' }).wishedDate).toEqual({
      code: 'wishedBeforeApplication',
    });
  });

  it('rejects impossible dates', () => {
    expect(validateRequest({ ...filled(), wishedDate: '2026-02-30' }).wishedDate).toEqual({ code: 'invalidDate' });
  });

  it('sends no applicant account when none is chosen, and trims text', () => {
    const body = toCreateBody({ ...filled(), applicantUserId: '', title: '  印表機  ' });
    expect(body.applicantUserId).toBeNull();
    expect(body.title).toBe('印表機');
  });

  it('warns when the lead time of 000 §2.3 and §2.5 is not left', () => {
    expect(leadTimeShort('equipment', '2026-12-01', '2026-11-22')).toBe(30);
    expect(leadTimeShort('equipment', '2026-12-22', '2026-11-22')).toBeNull();
    expect(leadTimeShort('relocation', '2026-11-28', '2026-11-22')).toBe(7);
    expect(leadTimeShort('general', '2026-11-22', '2026-11-22')).toBeNull();
  });

  it('asks three weeks for hardware for contract staff (INT-6), whatever the type', () => {
    expect(leadTimeShort('general', '2026-12-01', '2026-11-22', { hardwareForContractStaff: true })).toBe(21);
    expect(leadTimeShort('general', '2026-12-13', '2026-11-22', { hardwareForContractStaff: true })).toBeNull();
    expect(leadTimeShort('general', '2026-12-01', '2026-11-22', { hardwareForContractStaff: false })).toBeNull();
    // The month of equipment requests is the longer of the two.
    expect(leadTimeShort('equipment', '2026-12-15', '2026-11-22', { hardwareForContractStaff: true })).toBe(30);
  });

  it('sends the type’s own fields as `form`', () => {
    expect(toCreateBody(filled(), { hardwareForContractStaff: false }).form).toEqual({
      hardwareForContractStaff: false,
    });
    expect(toCreateBody(filled()).form).toEqual({});
  });
});

describe('which channels and types a person may file here (INT-1)', () => {
  it('offers staff the web form only, and the desk the phone as well', () => {
    expect(channelsFor(['web', 'phone', 'email'], false)).toEqual(['web']);
    expect(channelsFor(['web', 'phone', 'email'], true)).toEqual(['web', 'phone']);
    expect(channelsFor(['phone'], true)).toEqual(['phone']);
    expect(channelsFor(['phone'], false)).toEqual([]);
  });

  it('sends vendor applications to the public page and leaves security incidents to the desk', () => {
    expect(filingRoute({ channels: ['web'], public: true }, true)).toBe('public');
    expect(filingRoute({ channels: ['phone'], public: false }, false)).toBe('desk_only');
    expect(filingRoute({ channels: ['phone'], public: false }, true)).toBe('here');
    expect(filingRoute({ channels: ['web', 'phone', 'email'], public: false }, false)).toBe('here');
  });
});

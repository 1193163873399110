/**
 * The password policy of 004 參 and the protection baseline (SEC-1), as agency settings: at least
 * 8 characters mixing upper and lower case, digits and symbols; changed every three months;
 * different from the last three; lock after three consecutive failures.
 */
export type PasswordPolicy = {
  minLength: number;
  requireUpper: boolean;
  requireLower: boolean;
  requireDigit: boolean;
  requireSymbol: boolean;
  /** Days after which a password must be changed at the next sign-in; 0 = never. */
  maxAgeDays: number;
  /** How many previous passwords a new one must differ from. */
  historyCount: number;
  /** Consecutive failures that lock an account. */
  lockoutThreshold: number;
};

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
  requireSymbol: true,
  maxAgeDays: 90,
  historyCount: 3,
  lockoutThreshold: 3,
};

export type PasswordProblem = { code: string; en: string; zh: string };

/** Everything a password lacks under the policy; empty when it is acceptable. */
export function passwordProblems(password: string, policy: PasswordPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) {
    problems.push({
      code: 'too_short',
      en: `At least ${policy.minLength} characters`,
      zh: `至少 ${policy.minLength} 個字元`,
    });
  }
  if (policy.requireUpper && !/\p{Lu}/u.test(password))
    problems.push({ code: 'no_upper', en: 'An upper-case letter', zh: '需包含大寫英文字母' });
  if (policy.requireLower && !/\p{Ll}/u.test(password))
    problems.push({ code: 'no_lower', en: 'A lower-case letter', zh: '需包含小寫英文字母' });
  if (policy.requireDigit && !/\p{Nd}/u.test(password))
    problems.push({ code: 'no_digit', en: 'A digit', zh: '需包含數字' });
  if (policy.requireSymbol && !/[^\p{L}\p{Nd}\s]/u.test(password))
    problems.push({ code: 'no_symbol', en: 'A symbol', zh: '需包含符號' });
  return problems;
}

/** Whether a password set at `changedAt` has expired by `now`. */
export function passwordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  return policy.maxAgeDays > 0 && now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}

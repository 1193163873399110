import { describe, expect, it } from 'vitest';
import { firstInvalidAddress, splitAddresses } from './addresses.js';

describe('addresses typed in the asset forms', () => {
  it('reads one per line, or separated by commas and spaces', () => {
    expect(splitAddresses('10.0.0.1\n 10.0.0.2 ,2001:db8::1、\n\n')).toEqual(['10.0.0.1', '10.0.0.2', '2001:db8::1']);
    expect(splitAddresses('   ')).toEqual([]);
  });
  it('names the first that is not an IP address', () => {
    expect(firstInvalidAddress(['10.0.0.1', 'fe80::1'])).toBeNull();
    expect(firstInvalidAddress(['10.0.0.1', '10.0.0.256', 'x'])).toBe('10.0.0.256');
  });
});

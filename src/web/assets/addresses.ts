import { isIpAddress } from '../../shared/api/asset.schema.js';

/** The addresses typed one per line (or separated by commas or spaces), without blanks. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;，、]+/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

/** The first typed address that is not an IPv4 or IPv6 address, or null. */
export function firstInvalidAddress(addresses: readonly string[]): string | null {
  return addresses.find((a) => !isIpAddress(a)) ?? null;
}

// IPv4 arithmetic on top of ipaddr.js (parsing and CIDR maths stay the library's job).
import ipaddr from 'ipaddr.js';

export interface Range4 {
  /** First address of the block as an unsigned 32-bit number. */
  base: number;
  size: number;
}

export function parseIPv4(text: unknown): number | null {
  if (typeof text !== 'string' || !ipaddr.IPv4.isValidFourPartDecimal(text)) return null;
  const b = ipaddr.IPv4.parse(text).toByteArray();
  return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}

export function formatIPv4(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function parseCIDR4(text: unknown): Range4 | null {
  if (typeof text !== 'string') return null;
  try {
    const [addr, prefix] = ipaddr.parseCIDR(text);
    if (addr.kind() !== 'ipv4') return null;
    const net = ipaddr.IPv4.networkAddressFromCIDR(text);
    const base = parseIPv4(net.toString());
    if (base === null) return null;
    return { base, size: 2 ** (32 - prefix) };
  } catch {
    return null;
  }
}

export function inRange(r: Range4, ip: number): boolean {
  return ip >= r.base && ip < r.base + r.size;
}

export function isIP(text: unknown): boolean {
  return typeof text === 'string' && ipaddr.isValid(text) && (ipaddr.IPv6.isValid(text) || ipaddr.IPv4.isValidFourPartDecimal(text));
}

export function isIPv4(text: unknown): boolean {
  return typeof text === 'string' && ipaddr.IPv4.isValidFourPartDecimal(text);
}

// DNS name helpers: absolute names, dashed pod-IP labels, reverse (in-addr.arpa) names.
import { isIPv4 } from '../model/ip';

/** The name with exactly one trailing dot, as DNS messages carry it. */
export function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** Lower case without the trailing dot: the form names are compared in (DNS is case-insensitive). */
export function canonical(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** `10.244.1.5` -> `10-244-1-5`, the label CoreDNS uses for pod and endpoint records. */
export function dashed(ip: string): string {
  return ip.replace(/[.:]/g, '-');
}

/** `10.96.0.10` -> `10.0.96.10.in-addr.arpa.` */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/** `10.0.96.10.in-addr.arpa` -> `10.96.0.10`; null unless it names one whole IPv4 address. */
export function ipFromReverse(name: string): string | null {
  const c = canonical(name);
  if (!c.endsWith('.in-addr.arpa')) return null;
  const ip = c.slice(0, -'.in-addr.arpa'.length).split('.').reverse().join('.');
  return isIPv4(ip) ? ip : null;
}

/** True when `name` is `zone` or below it (both canonical). */
export function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

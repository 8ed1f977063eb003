// The `to` of a trace: a URL, `host:port` or `ip:port` (a bare host means port 80).
import { isIPv4 } from '../model/ip';

export interface Target {
  host: string;
  port: number;
  /** True when the port was not given and defaulted. */
  defaultPort: boolean;
  scheme: string | null;
  path: string;
  isIP: boolean;
}

const SCHEME_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443, grpc: 80 };

export function parseTarget(to: unknown): Target | string {
  if (typeof to !== 'string' || to.trim() === '') return 'name a target: a URL (http://host/path), host:port or ip:port.';
  const text = to.trim();
  const url = /^([a-z][a-z0-9+.-]*):\/\/([^/:?#\s]+)(?::(\d*))?([^\s]*)$/i.exec(text);
  const plain = /^([^/:?#\s]+)(?::(\d+))?$/.exec(text);
  if (!url && !plain) return `"${text}" is not a target; use a URL (http://host/path), host:port or ip:port.`;
  const scheme = url ? url[1].toLowerCase() : null;
  const host = (url ? url[2] : plain![1]).toLowerCase();
  const portText = url ? url[3] : plain![2];
  const explicit = portText !== undefined && portText !== '';
  const port = explicit ? Number(portText) : scheme ? SCHEME_PORTS[scheme] : 80;
  if (port === undefined) return `"${text}": no default port for ${scheme}://; give one (${scheme}://host:port).`;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `"${text}": the port must be 1-65535.`;
  const path = url ? (url[4] || '/') : '/';
  return { host, port, defaultPort: !explicit, scheme, path, isIP: isIPv4(host) };
}

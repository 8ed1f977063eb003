// Test helpers for the dns folder: simulate YAML, ask a question, fail loudly on a question error.
import type { ClusterSettings, Simulation } from '../types';
import type { DnsAnswer, DnsRecordType } from './types';
import { simulate } from '../simulate';
import { dns } from './dns';

export function sim(text: string, settings?: Partial<ClusterSettings>): Simulation {
  return simulate([{ name: 'test.yaml', text }], settings);
}

export function lookup(s: Simulation, from: string, name: string, type: DnsRecordType = 'A'): DnsAnswer {
  const a = dns(s, { from, name, type });
  if ('error' in a) throw new Error(a.error.message);
  return a;
}

/** `name rcode` per query, the shape a person reads in the panel. */
export const walk = (a: DnsAnswer) => a.queries.map((q) => `${q.name} ${q.rcode}`);

/** A bare pod, with whatever spec lines are given (indented under spec). */
export function pod(name: string, namespace: string, specLines = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${specLines}  containers:\n    - name: c\n      image: busybox\n---\n`;
}

/** A ClusterIP Service `web/api` on port 80 (its pods need not exist: it still has a ClusterIP and DNS records). */
export const API_SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: web}\nspec: {selector: {app: api}, ports: [{port: 80}]}\n---\n';

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { endpoints, simulate, validate } from './index';

const text = readFileSync(fileURLToPath(new URL('../scenarios/three-tier.yaml', import.meta.url)), 'utf8');
const sim = simulate([{ name: 'three-tier.yaml', text }]);

describe('endpoints', () => {
  it('lists every Service sorted by key, built-ins included, in the contract’s shape', () => {
    const a = endpoints(sim);
    if ('error' in a) throw new Error(a.error.message);
    expect(a.services.map((s) => s.service)).toEqual(['default/kubernetes', 'kube-system/kube-dns', 'shop/backend-api', 'shop/database', 'shop/frontend']);
    const backend = a.services[2];
    expect(Object.keys(backend)).toEqual(['service', 'type', 'clusterIP', 'slices']);
    expect(Object.keys(backend.slices[0])).toEqual(['name', 'addressType', 'ports', 'endpoints']);
    expect(Object.keys(backend.slices[0].endpoints[0])).toEqual(['addresses', 'targetRef', 'nodeName', 'conditions']);
  });

  it('answers for one Service by ns/name or by name in default', () => {
    const one = endpoints(sim, { service: 'shop/frontend' });
    expect('services' in one && one.services.map((s) => [s.service, s.type])).toEqual([['shop/frontend', 'LoadBalancer']]);
    const k = endpoints(sim, { service: 'kubernetes' });
    expect('services' in k && k.services[0].slices[0].endpoints[0].addresses).toEqual(['172.18.0.2']);
  });

  it('says NOT_FOUND and BAD_ARGUMENT', () => {
    expect(endpoints(sim, { service: 'frontend' })).toEqual({ error: { code: 'NOT_FOUND', message: 'There is no Service default/frontend.' } });
    expect(endpoints(sim, { service: 'a/b/c' })).toMatchObject({ error: { code: 'BAD_ARGUMENT' } });
    expect(endpoints(sim, { service: '/x' })).toMatchObject({ error: { code: 'BAD_ARGUMENT' } });
  });
});

describe('validate', () => {
  it('gives every diagnostic with object, file, line and column', () => {
    const broken = simulate([{ name: 'x.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: nope}\n  ports: [{port: 80}]\n---\nkind: [\n' }]);
    expect(validate(broken).diagnostics).toEqual([
      { severity: 'warning', code: 'KN4001', message: expect.stringContaining('selects app=nope'), object: 'Service/default/s', file: 'x.yaml', line: 5, column: 3 },
      { severity: 'error', code: 'KN1001', message: expect.stringContaining('YAML syntax error'), object: null, file: 'x.yaml', line: expect.any(Number), column: expect.any(Number) },
    ]);
    expect(broken.hasParseErrors).toBe(true);
    expect(validate(sim)).toEqual({ diagnostics: [] });
  });
});

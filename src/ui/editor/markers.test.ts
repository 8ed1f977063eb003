import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../engine';
import { DIAGNOSTIC_CATALOGUE } from '../../engine';
import { toMarkers } from './markers';

const base: Diagnostic = { severity: 'warning', code: 'NS2001', message: 'm', file: 'manifests.yaml', line: 5, column: 3, endLine: 5, endColumn: 9 };

describe('toMarkers', () => {
  it('maps severity and keeps 1-based positions', () => {
    expect(toMarkers([base, { ...base, severity: 'error' }, { ...base, severity: 'info' }], 'manifests.yaml')).toEqual([
      { severity: 4, message: 'm', code: 'NS2001', docs: null, source: 'kube-netsim', startLineNumber: 5, startColumn: 3, endLineNumber: 5, endColumn: 9 },
      expect.objectContaining({ severity: 8 }),
      expect.objectContaining({ severity: 2 }),
    ]);
  });

  it('links a catalogued code to its explanation', () => {
    const [marker] = toMarkers([{ ...base, code: 'KN1001' }], 'manifests.yaml', DIAGNOSTIC_CATALOGUE);
    expect(marker.docs).toMatch(/^https:\/\/kubernetes\.io\//);
  });

  it('widens zero-width ranges and skips other files', () => {
    const [marker] = toMarkers([{ ...base, endColumn: 3 }, { ...base, file: 'other.yaml' }], 'manifests.yaml');
    expect(marker).toMatchObject({ startColumn: 3, endColumn: 4 });
    expect(toMarkers([{ ...base, file: 'other.yaml' }], 'manifests.yaml')).toEqual([]);
  });
});

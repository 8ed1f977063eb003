// The command line answers any argument list with JSON and exit 0 or 1, or a one-line usage error
// and exit 2: never a stack trace.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCli } from '../../src/cli/run';
import type { CliIO } from '../../src/cli/run';
import { ROOM, SEED, anyManifest } from './arbitraries';

const COMMANDS = ['endpoints', 'validate', 'trace', 'dns', 'reach', 'matrix', 'batch', 'help', '--help', 'explode', ''];
const OPTIONS = ['--from', '--to', '--name', '--type', '--port', '--protocol', '--service', '--namespace', '--seed', '--header', '--src-ip', '--via-node', '--gateway', '--method', '--bogus', '-f', '-x'];
const VALUES = ['shop/frontend', 'frontend', 'external', 'backend-api.shop', 'http://frontend.shop/', '10.96.0.10:53', 'A', 'SRV', 'udp', '80', '-1', 'abc', 'K:V', 'nocolon', 'a.yaml', 'missing.yaml', '-', ''];

function io(manifest: string, stdin: string): CliIO {
  return {
    readFile: async (path) => {
      if (path === 'a.yaml') return manifest;
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    },
    readStdin: async () => stdin,
  };
}

const argv = fc.tuple(
  fc.constantFrom(...COMMANDS),
  fc.boolean(),
  fc.array(fc.oneof(fc.constantFrom(...OPTIONS), fc.constantFrom(...VALUES), fc.string({ maxLength: 8 })), { maxLength: 8 }),
).map(([command, withFile, rest]) => [command, ...(withFile ? ['-f', 'a.yaml'] : []), ...rest].filter((a, i) => i > 0 || a !== ''));

const stdin = fc.oneof(
  fc.constant(''),
  anyManifest,
  fc.array(fc.oneof(fc.constantFrom('["endpoints"]', '["trace","--from","external","--to","frontend.shop"]', '["batch"]', '[]', '{}', 'not json', '["dns","-f","a.yaml"]'), fc.string({ maxLength: 10 })), { maxLength: 4 }).map((lines) => lines.join('\n')),
);

describe('runCli on any arguments', () => {
  it('exits 0 or 1 with JSON, or 2 with a one-line usage message', async () => {
    await fc.assert(
      fc.asyncProperty(argv, anyManifest, stdin, async (args, manifest, input) => {
        const result = await runCli(args, io(manifest, input));
        expect([0, 1, 2]).toContain(result.exitCode);
        expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
        if (result.exitCode === 2) {
          expect(result.stderr).toMatch(/^netsim: [^\n]+\n$/);
          expect(JSON.parse(result.stdout).error.code).toBe('USAGE');
          return;
        }
        if (args[0] === 'help' || args[0] === '--help') return; // usage text on stderr
        const lines = result.stdout.split('\n').filter((l) => l.trim() !== '');
        // One JSON document, or one per batch line.
        const documents = args[0] === 'batch' && result.exitCode === 0 ? lines : [result.stdout];
        for (const doc of documents) expect(() => JSON.parse(doc)).not.toThrow();
        if (result.exitCode === 1) expect(JSON.parse(result.stdout).error.code).toMatch(/^[A-Z_]+$/);
      }),
      { seed: SEED, numRuns: 120 },
    );
  }, ROOM);
});

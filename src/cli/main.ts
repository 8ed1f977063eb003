// `npm run --silent netsim -- <command> ...`: binds runCli to the real process.
import { readFile } from 'node:fs/promises';
import { runCli } from './run';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

try {
  const result = await runCli(process.argv.slice(2), { readFile: (path) => readFile(path, 'utf8'), readStdin });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
} catch (err) {
  // The engine promises never to throw; if it does, say so plainly instead of a stack trace.
  process.stdout.write(JSON.stringify({ error: { code: 'INTERNAL', message: String((err as Error)?.message ?? err) } }) + '\n');
  process.stderr.write(`netsim: internal error: ${(err as Error)?.message ?? err}\n`);
  process.exitCode = 1;
}

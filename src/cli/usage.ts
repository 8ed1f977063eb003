import { COMMANDS } from './commands';

const COLUMN = 34;

/** The usage, then its summary: beside it when it fits, on the next line, indented, when it does not. */
function entry(usage: string, summary: string): string {
  return usage.length < COLUMN ? `  ${usage.padEnd(COLUMN)} ${summary}` : `  ${usage}\n  ${''.padEnd(COLUMN)} ${summary}`;
}

export function usageText(): string {
  const lines = [
    'kube-netsim: ask the simulated cluster a question.',
    '',
    'usage: npm run --silent netsim -- <command> -f <file> [-f <file> ...] [options]',
    '       (-f - reads standard input)',
    '',
    'commands:',
    ...Object.values(COMMANDS).map((c) => entry(c.usage, c.summary)),
    entry('batch -f <file> < questions.jsonl', 'one JSON answer per question line'),
    '',
    'Every command prints one JSON document on standard output.',
    'Exit status: 0 answered, 1 manifests cannot be simulated, 2 usage error.',
  ];
  return lines.join('\n') + '\n';
}

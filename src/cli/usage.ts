import { COMMANDS } from './commands';

export function usageText(): string {
  const lines = [
    'kube-netsim: ask the simulated cluster a question.',
    '',
    'usage: npm run --silent netsim -- <command> -f <file> [-f <file> ...] [options]',
    '       (-f - reads standard input)',
    '',
    'commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(34)} ${c.summary}`),
    `  ${'batch -f <file> < questions.jsonl'.padEnd(34)} one JSON answer per question line`,
    '',
    'Every command prints one JSON document on standard output.',
    'Exit status: 0 answered, 1 manifests cannot be simulated, 2 usage error.',
  ];
  return lines.join('\n') + '\n';
}

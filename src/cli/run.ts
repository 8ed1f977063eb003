// The command line as a pure-ish function of its arguments and inputs, so tests can call it
// without spawning a process. main.ts binds it to the real process.
import { parseArgs } from 'node:util';
import { isQuestionError, simulate, validate } from '../engine/index';
import type { InputFile, Simulation } from '../engine/index';
import { COMMANDS } from './commands';
import { usageText } from './usage';

export interface CliIO {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

export class UsageError extends Error {}

const STDIN_NAME = '<stdin>';

export async function runCli(argv: string[], io: CliIO): Promise<CliResult> {
  try {
    return await runCommandLine(argv, io);
  } catch (err) {
    if (err instanceof UsageError || isNodeArgError(err)) {
      return usageFailure((err as Error).message);
    }
    throw err;
  }
}

async function runCommandLine(argv: string[], io: CliIO): Promise<CliResult> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError(`no command given; commands: ${[...Object.keys(COMMANDS), 'batch'].join(', ')} (--help for more)`);
  if (name === '--help' || name === '-h' || name === 'help') return { stdout: '', stderr: usageText(), exitCode: 0 };
  if (name === 'batch') return runBatch(rest, io);
  const { files, values } = parseCommandArgs(name, rest);
  const sim = await loadSimulation(files, io);
  if (!sim.ok) return sim.result;
  return { stdout: JSON.stringify(ask(name, values, sim.simulation), null, 2) + '\n', stderr: '', exitCode: 0 };
}

function parseCommandArgs(name: string, args: string[]) {
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command '${name}'; try --help`);
  const { values, positionals } = parseArgs({
    args,
    options: { ...command.options, file: { type: 'string', short: 'f', multiple: true } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' for ${name}; usage: ${command.usage}`);
  const files = (values.file as string[] | undefined) ?? [];
  delete values.file;
  return { files, values };
}

/** One question to the engine; a question naming what does not exist is a usage error. */
function ask(name: string, values: Record<string, unknown>, sim: Simulation): unknown {
  const missing = (COMMANDS[name].required ?? []).filter((o) => values[o] === undefined);
  if (missing.length > 0) throw new UsageError(`${name} needs ${missing.map((o) => `--${o}`).join(', ')}`);
  const answer = COMMANDS[name].answer(sim, values as never);
  if (isQuestionError(answer)) throw new UsageError(answer.error.message);
  return answer;
}

type Loaded = { ok: true; simulation: Simulation } | { ok: false; result: CliResult };

async function loadSimulation(paths: string[], io: CliIO): Promise<Loaded> {
  if (paths.length === 0) throw new UsageError('no manifests: give -f <file> (or -f - for standard input)');
  const files: InputFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push({ name: STDIN_NAME, text: await io.readStdin() });
      continue;
    }
    try {
      files.push({ name: path, text: await io.readFile(path) });
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const simulation = simulate(files);
  if (!simulation.hasParseErrors) return { ok: true, simulation };
  const errors = simulation.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  const where = first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : 'the manifests could not be read';
  return {
    ok: false,
    result: {
      // The diagnostics in validate's shape, so a script reads them the same way either way.
      stdout: JSON.stringify({ error: { code: 'PARSE_ERROR', message: `cannot simulate: ${where}` }, diagnostics: validate(simulation).diagnostics }, null, 2) + '\n',
      stderr: `cannot simulate: ${where}\n`,
      exitCode: 1,
    },
  };
}

async function runBatch(args: string[], io: CliIO): Promise<CliResult> {
  const { values, positionals } = parseArgs({
    args,
    options: { file: { type: 'string', short: 'f', multiple: true } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' for batch; usage: batch -f <file> < questions.jsonl`);
  const paths = (values.file as string[] | undefined) ?? [];
  if (paths.includes('-')) throw new UsageError('batch reads its questions from standard input, so the manifests must come from files, not -f -');
  const loaded = await loadSimulation(paths, io);
  if (!loaded.ok) return loaded.result;
  const lines = (await io.readStdin()).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    out.push(JSON.stringify(answerBatchLine(line, loaded.simulation)));
  }
  return { stdout: out.length ? out.join('\n') + '\n' : '', stderr: '', exitCode: 0 };
}

function answerBatchLine(line: string, sim: Simulation): unknown {
  let argv: unknown;
  try {
    argv = JSON.parse(line);
  } catch {
    return { error: { message: 'not a JSON array of arguments' } };
  }
  if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string')) {
    return { error: { message: 'each line must be a non-empty JSON array of strings, e.g. ["endpoints","--service","ns/name"]' } };
  }
  if (argv[0] === 'batch') return { error: { message: 'batch cannot be nested' } };
  try {
    const { files, values } = parseCommandArgs(argv[0], argv.slice(1));
    if (files.length > 0) return { error: { message: 'questions in a batch use the batch\'s manifests: drop -f' } };
    return ask(argv[0], values, sim);
  } catch (err) {
    return { error: { message: (err as Error).message } };
  }
}

function usageFailure(raw: string): CliResult {
  // Node's parseArgs explains some mistakes over several lines; the contract promises one.
  const message = raw.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
  return {
    stdout: JSON.stringify({ error: { code: 'USAGE', message } }) + '\n',
    stderr: `netsim: ${message}\n`,
    exitCode: 2,
  };
}

function isNodeArgError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

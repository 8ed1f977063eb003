// The command table: each command names its options and turns a simulation plus those
// options into the JSON the contract (../shared/cli-contract.md) fixes.
import type { ParseArgsConfig } from 'node:util';
import { endpoints, validate } from '../engine/index';
import type { QuestionError, Simulation } from '../engine/index';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;
type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  summary: string;
  usage: string;
  options: OptionSpec;
  answer(sim: Simulation, values: OptionValues): unknown | QuestionError;
}

export const COMMANDS: Record<string, Command> = {
  endpoints: {
    summary: 'what the EndpointSlice controller would publish',
    usage: 'endpoints [--service ns/name]',
    options: { service: { type: 'string' } },
    answer: (sim, values) => endpoints(sim, { service: values.service as string | undefined }),
  },
  validate: {
    summary: 'what the API server and a careful reviewer would say',
    usage: 'validate',
    options: {},
    answer: (sim) => validate(sim),
  },
};

/** Commands the contract names that arrive with later work; asking for one is a usage error that says so. */
export const PLANNED_COMMANDS = ['trace', 'dns', 'reach', 'matrix'];

export function isQuestionError(value: unknown): value is QuestionError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

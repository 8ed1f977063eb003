// The command table: each command names its options and turns a simulation plus those
// options into the JSON the contract (../shared/cli-contract.md) fixes.
import type { ParseArgsConfig } from 'node:util';
import { dns, endpoints, matrix, reach, trace, validate } from '../engine/index';
import type { DnsRecordType, Protocol, QuestionError, Simulation } from '../engine/index';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;
type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Options the command cannot answer without (checked before `answer` is called). */
  required?: string[];
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
  trace: {
    summary: 'follow one request hop by hop (DNS, kube-proxy, NetworkPolicy)',
    usage: 'trace --from <pod|external> --to <target> [--protocol P] [--method M] [--header K:V ...] [--src-ip IP] [--via-node NODE] [--gateway ns/name] [--seed N]',
    required: ['from', 'to'],
    options: {
      from: { type: 'string' }, to: { type: 'string' }, protocol: { type: 'string' }, method: { type: 'string' },
      header: { type: 'string', multiple: true }, 'src-ip': { type: 'string' }, 'via-node': { type: 'string' },
      gateway: { type: 'string' }, seed: { type: 'string' },
    },
    answer: (sim, values) => {
      const seed = wholeNumber(values.seed);
      if (Number.isNaN(seed)) return usage(`--seed ${String(values.seed)} is not a whole number`);
      const headers: Record<string, string> = {};
      for (const h of (values.header as string[] | undefined) ?? []) {
        const colon = h.indexOf(':');
        if (colon <= 0) return usage(`--header "${h}" is not K:V`);
        headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
      }
      return trace(sim, {
        from: values.from as string, to: values.to as string, protocol: protocolOption(values.protocol), method: values.method as string | undefined,
        headers, srcIp: values['src-ip'] as string | undefined, viaNode: values['via-node'] as string | undefined, gateway: values.gateway as string | undefined, seed,
      });
    },
  },
  dns: {
    summary: 'what a pod\'s resolver does with a name',
    usage: 'dns --from <pod> --name <name> [--type A|AAAA|SRV|CNAME|PTR]',
    required: ['from', 'name'],
    options: { from: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } },
    answer: (sim, values) => {
      const type = typeof values.type === 'string' ? values.type.toUpperCase() : 'A';
      return dns(sim, { from: values.from as string, name: values.name as string, type: type as DnsRecordType });
    },
  },
  reach: {
    summary: 'may this connection be made, by NetworkPolicy?',
    usage: 'reach --from <pod|ip:addr> --to <pod|ip:addr> --port <number|name> [--protocol TCP|UDP|SCTP]',
    required: ['from', 'to', 'port'],
    options: { from: { type: 'string' }, to: { type: 'string' }, port: { type: 'string' }, protocol: { type: 'string' } },
    answer: (sim, values) => {
      return reach(sim, { from: values.from as string, to: values.to as string, port: values.port as string, protocol: protocolOption(values.protocol) });
    },
  },
  matrix: {
    summary: 'who may reach whom, by NetworkPolicy (default 80/TCP)',
    usage: 'matrix [--port <n>] [--protocol P] [--namespace ns ...]',
    options: { port: { type: 'string' }, protocol: { type: 'string' }, namespace: { type: 'string', multiple: true } },
    answer: (sim, values) => {
      const port = wholeNumber(values.port);
      if (Number.isNaN(port)) return usage(`--port ${String(values.port)} is not a port number; matrix takes 1-65535`);
      return matrix(sim, { port, protocol: protocolOption(values.protocol), namespaces: values.namespace as string[] | undefined });
    },
  },
};

function usage(message: string): QuestionError {
  return { error: { code: 'BAD_ARGUMENT', message } };
}

/** An option given as digits, NaN when it is something else, undefined when it is absent. */
function wholeNumber(v: unknown): number | undefined {
  return v === undefined ? undefined : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
}

/** Protocols are written uppercase in manifests; the command line also takes `udp`. */
function protocolOption(v: unknown): Protocol | undefined {
  return typeof v === 'string' ? (v.toUpperCase() as Protocol) : undefined;
}

// One door for every question, as tagged data: the worker protocol carries these.
import type { Simulation } from './types';
import type { QuestionError } from './questions';
import { endpoints } from './questions';
import { trace, sendMany } from './trace/trace';
import { dns, podNetwork } from './dns/dns';
import { reach } from './policy/reach';
import { matrix } from './policy/matrix';
import type { SendManyAnswer, SendManyQuestion, TraceAnswer, TraceQuestion } from './trace/types';
import type { DnsAnswer, DnsQuestion, PodNetworkAnswer, PodNetworkQuestion } from './dns/types';
import type { MatrixAnswer, MatrixQuestion, ReachAnswer, ReachQuestion } from './policy/types';
import type { EndpointsAnswer } from './types';

export type Question =
  | ({ kind: 'trace' } & TraceQuestion)
  | ({ kind: 'sendMany' } & SendManyQuestion)
  | ({ kind: 'dns' } & DnsQuestion)
  | ({ kind: 'podNetwork' } & PodNetworkQuestion)
  | ({ kind: 'reach' } & ReachQuestion)
  | ({ kind: 'matrix' } & MatrixQuestion)
  | { kind: 'endpoints'; service?: string };

export interface AnswerOf {
  trace: TraceAnswer;
  sendMany: SendManyAnswer;
  dns: DnsAnswer;
  podNetwork: PodNetworkAnswer;
  reach: ReachAnswer;
  matrix: MatrixAnswer;
  endpoints: EndpointsAnswer;
}

export type Answer = AnswerOf[keyof AnswerOf] | QuestionError;

export function ask(sim: Simulation, q: Question): Answer {
  switch (q.kind) {
    case 'trace': return trace(sim, q);
    case 'sendMany': return sendMany(sim, q);
    case 'dns': return dns(sim, q);
    case 'podNetwork': return podNetwork(sim, q);
    case 'reach': return reach(sim, q);
    case 'matrix': return matrix(sim, q);
    case 'endpoints': return endpoints(sim, { service: q.service });
  }
}

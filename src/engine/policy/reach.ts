// STUB (replaced by the NetworkPolicy work): the signatures the rest of the engine and the page rely on.
import type { Cluster, Pod, Protocol, Simulation } from '../types';
import type { QuestionError } from '../questions';
import { questionError } from '../model/refs';
import type { MatrixAnswer, MatrixQuestion, ReachAnswer, ReachQuestion } from './types';

/** One end of a connection: a pod, or a bare address (an external client, a node after SNAT). */
export type PolicyPeer = { pod: Pod; ip?: string } | { pod?: undefined; ip: string };

/** May `from` open a connection to `to` on `port`/`protocol`? Egress of the source and ingress of the destination. */
export function connectionVerdict(cluster: Cluster, from: PolicyPeer, to: PolicyPeer, port: number | string, protocol: Protocol): ReachAnswer {
  void cluster; void from; void to; void port; void protocol;
  const open = { allowed: true, enforced: true, policies: [] };
  return { allowed: true, egress: open, ingress: { ...open }, reason: 'No NetworkPolicy selects either pod, so the connection is allowed.' };
}

export function reach(sim: Simulation, q: ReachQuestion): ReachAnswer | QuestionError {
  void sim; void q;
  return questionError('BAD_ARGUMENT', 'reach is not implemented yet');
}

export function matrix(sim: Simulation, q: MatrixQuestion): MatrixAnswer | QuestionError {
  void sim; void q;
  return questionError('BAD_ARGUMENT', 'matrix is not implemented yet');
}

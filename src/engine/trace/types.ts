// trace: one request followed hop by hop. Field names are fixed by ../shared/cli-contract.md.
import type { Protocol } from '../types';

export type HopKind =
  | 'Client' | 'LoadBalancer' | 'NodePort' | 'IngressController' | 'Gateway'
  | 'ClusterIP' | 'KubeProxy' | 'Node' | 'Pod' | 'DNS' | 'Policy';

export interface TraceHop {
  kind: HopKind;
  /** What the hop is: `node-2`, `shop/frontend`, `203.0.113.10`, ... */
  name: string;
  /** The address the packet is at / addressed to at this hop. */
  ip: string | null;
  port: number | null;
  /** One sentence a learner can read. */
  note: string;
  // ---- free to add beyond the contract: what the page needs to animate and highlight ----
  /** The packet's source and destination as seen leaving this hop (so DNAT and SNAT are visible). */
  packet?: { src: string; dst: string };
  /**
   * The model object this hop happens at, so the page can place it on the canvas:
   * `Client`, `LoadBalancer/<ns>/<svc>`, `Node/<name>`, `Service/<ns>/<name>`, `Pod/<ns>/<name>`,
   * `IngressController/<ns>/<name>`, `Gateway/<ns>/<name>`; null when it has no place.
   */
  ref?: string | null;
  /** Editor ranges that explain this hop (the Service port, the rule that matched). */
  sources?: Array<{ file: string; line: number; endLine: number }>;
}

export type DropReason =
  | 'NO_ENDPOINTS' | 'NO_SUCH_HOST' | 'NO_ROUTE' | 'POLICY_DENIED_EGRESS' | 'POLICY_DENIED_INGRESS'
  | 'PORT_NOT_LISTENING' | 'SOURCE_RANGE_DENIED' | 'NO_LOCAL_ENDPOINT' | 'CONNECTION_REFUSED' | 'REDIRECT';

export interface TraceDrop {
  hop: number;
  reason: DropReason;
  message: string;
  /** What to change, in one sentence (free to add). */
  fix?: string;
  /** Editor lines to highlight for the fix (free to add). */
  sources?: Array<{ file: string; line: number; endLine: number }>;
}

export interface TraceAnswer {
  delivered: boolean;
  status: number | null;
  hops: TraceHop[];
  destination: { pod: string; ip: string; port: number } | null;
  candidates: Array<{ pod: string; probability: number }>;
  sourceIpAtPod: string | null;
  drop: TraceDrop | null;
  location?: string;
}

export interface TraceQuestion {
  /** `external`, or a pod reference (`ns/pod`, `pod`, `ns/deploy/name`, ...). */
  from: string;
  /** URL, `host:port` or `ip:port`. */
  to: string;
  protocol?: Protocol;
  method?: string;
  headers?: Record<string, string>;
  srcIp?: string;
  viaNode?: string;
  gateway?: string;
  /** Seeds the backend choice (repeatable). */
  seed?: number;
}

/** "Send ×N": N requests from the same client, in order (so affinity state carries over). */
export interface SendManyQuestion extends TraceQuestion {
  count: number;
}

export interface SendManyAnswer {
  count: number;
  delivered: number;
  /** Per destination pod, sorted by pod; includes candidates that got 0. */
  perPod: Array<{ pod: string; count: number; probability: number }>;
  /** Drop reasons and how often. */
  drops: Array<{ reason: DropReason; count: number }>;
  /** The first request's trace, to animate. */
  first: TraceAnswer;
}

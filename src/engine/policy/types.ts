// reach and matrix: NetworkPolicy verdicts. Field names are fixed by ../shared/cli-contract.md.
import type { Protocol, SourceRange } from '../types';

// ---- The model: NetworkPolicy objects as the engine reads them (API defaults applied) ----

export type PolicyType = 'Ingress' | 'Egress';

/** A metav1.LabelSelector; `{}` (both empty) selects everything. */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: Array<{ key: string; operator: string; values: string[] }>;
}

export interface IPBlock {
  cidr: string;
  except: string[];
}

/** One item of `from` / `to`: its fields are AND'ed. All three null = a peer the API server refuses (matches nothing). */
export interface NetworkPolicyPeer {
  podSelector: LabelSelector | null;
  namespaceSelector: LabelSelector | null;
  ipBlock: IPBlock | null;
}

export interface NetworkPolicyPort {
  protocol: Protocol;
  /** A number, a container port name (resolved on the pod that receives), or null for every port of `protocol`. */
  port: number | string | null;
  endPort: number | null;
}

/** Editor lines of a policy or a rule, for highlighting. */
export interface SourceLines {
  file: string;
  line: number;
  endLine: number;
}

export interface NetworkPolicyRule {
  /** Empty: every source (ingress) or destination (egress), outside addresses included. */
  peers: NetworkPolicyPeer[];
  /** Empty: every port and protocol. */
  ports: NetworkPolicyPort[];
  source: SourceLines | null;
}

export interface NetworkPolicy {
  /** `namespace/name` */
  key: string;
  name: string;
  namespace: string;
  podSelector: LabelSelector;
  /** After defaulting: Ingress always, Egress when egress rules exist (unless written). */
  policyTypes: PolicyType[];
  ingress: NetworkPolicyRule[];
  egress: NetworkPolicyRule[];
  source: SourceRange | null;
}

// ---- Answers ----

/** One policy that selects the pod on that side, and what it did with this connection (free to add beyond the contract). */
export interface SelectingPolicy {
  /** `namespace/name` */
  policy: string;
  source: SourceLines | null;
  /** Index in the policy's `spec.ingress` / `spec.egress` of the first rule that allows the connection; null when none does. */
  rule: number | null;
  ruleSource: SourceLines | null;
}

export interface DirectionVerdict {
  allowed: boolean;
  enforced: boolean;
  /** `ns/name` of the policies that selected this side (for an allowed side with policies, the ones that allowed it). */
  policies: string[];
  // ---- free to add ----
  /** True when some policy selects this side's pod for this direction (so only what a rule allows passes). */
  isolated: boolean;
  /** Every policy selecting this side for this direction, in `ns/name` order, with the rule that allowed (if any). */
  selecting: SelectingPolicy[];
}

/** Where a verdict follows the chosen network plugin rather than Kubernetes itself. */
export type PluginSpecific = 'ipBlock-pod-ip' | 'hairpin';

export interface ReachAnswer {
  allowed: boolean;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
  reason: string;
  // ---- free to add ----
  /** The port and protocol judged (a named port resolved on the destination pod). */
  port?: number;
  protocol?: Protocol;
  /** Set when the verdict depends on the network plugin (the reason says so too). */
  pluginSpecific?: PluginSpecific;
  /** `--to ip:<ClusterIP>`: judged after DNAT on each backend; `allowed` is true only when every backend allows. */
  service?: { service: string; backends: Array<{ pod: string; port: number; allowed: boolean }> };
}

export interface ReachQuestion {
  /** A pod reference or `ip:<address>`. */
  from: string;
  to: string;
  port: number | string;
  protocol?: Protocol;
}

export interface MatrixAnswer {
  pods: string[];
  allowed: boolean[][];
  // ---- free to add ----
  port?: number;
  protocol?: Protocol;
  /** False when the network plugin does not enforce NetworkPolicy (every cell is then true). */
  enforced?: boolean;
}

export interface MatrixQuestion {
  port?: number;
  protocol?: Protocol;
  namespaces?: string[];
}

// reach and matrix: NetworkPolicy verdicts. Field names are fixed by ../shared/cli-contract.md.
import type { Protocol } from '../types';

export interface DirectionVerdict {
  allowed: boolean;
  enforced: boolean;
  /** `ns/name` of the policies that selected this side (for an allowed side, the ones that allowed it). */
  policies: string[];
}

export interface ReachAnswer {
  allowed: boolean;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
  reason: string;
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
}

export interface MatrixQuestion {
  port?: number;
  protocol?: Protocol;
  namespaces?: string[];
}

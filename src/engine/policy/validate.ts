// NetworkPolicy diagnostics: what the API server refuses and what a reviewer would flag.
import type { Cluster, Diagnostic } from '../types';
import type { ParsedObject } from '../parse/parse';

export function checkNetworkPolicies(objects: ParsedObject[], cluster: Cluster): Diagnostic[] {
  void objects; void cluster;
  return [];
}

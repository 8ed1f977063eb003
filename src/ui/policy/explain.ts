// A reach answer as the explanation under the matrix shows it: per side, which policies select the
// pod and which rule (if any) allowed; and the editor lines to light up. Pure: no React.
import type { DirectionVerdict, ReachAnswer, SelectingPolicy } from '../../engine';
import type { LineRange } from './store';

export type Direction = 'egress' | 'ingress';

export interface PolicyLine {
  policy: string;
  /** `allows` names the rule (`spec.ingress[0]`); `no rule allows` when the policy only isolates. */
  outcome: string;
  allows: boolean;
  /** Where to jump in the editor: the allowing rule, or the policy. */
  lines: { line: number; endLine: number } | null;
}

export interface SideExplanation {
  direction: Direction;
  /** The pod whose policies decide this side: the source for egress, the destination for ingress. */
  pod: string;
  allowed: boolean;
  /** One line: what the side comes to. */
  summary: string;
  policies: PolicyLine[];
}

export interface Explanation {
  allowed: boolean;
  enforced: boolean;
  reason: string;
  sides: SideExplanation[];
  highlights: LineRange[];
}

function policyLine(direction: Direction, s: SelectingPolicy): PolicyLine {
  const allows = s.rule !== null;
  const where = allows ? s.ruleSource : s.source;
  return {
    policy: s.policy,
    outcome: allows ? `allows (spec.${direction}[${s.rule}])` : `no ${direction} rule allows this`,
    allows,
    lines: where ? { line: where.line, endLine: where.endLine } : null,
  };
}

function sideSummary(direction: Direction, pod: string, side: DirectionVerdict): string {
  if (!side.enforced) return `${direction === 'egress' ? 'Egress' : 'Ingress'} is not enforced by the network plugin`;
  if (!side.isolated) return `No policy selects ${pod} for ${direction}: all ${direction} is allowed`;
  const n = side.selecting.length;
  const selected = `${n} polic${n === 1 ? 'y selects' : 'ies select'} ${pod} for ${direction}`;
  return side.allowed ? `${selected}; a rule allows this` : `${selected}; no rule allows this, so it is denied`;
}

function side(direction: Direction, pod: string, verdict: DirectionVerdict): SideExplanation {
  return {
    direction,
    pod,
    allowed: verdict.allowed,
    summary: sideSummary(direction, pod, verdict),
    policies: verdict.selecting.map((s) => policyLine(direction, s)),
  };
}

/**
 * Highlights in the editor: what decided each side. An allowed side: the rules that allowed it (a
 * default deny that also selects the pod did not decide anything). A denied side: the policies
 * that isolate the pod, none of whose rules allows.
 */
function highlightsOf(sides: SideExplanation[]): LineRange[] {
  const seen = new Set<string>();
  const ranges: LineRange[] = [];
  for (const s of sides) {
    for (const p of s.policies) {
      if (!p.lines || (s.allowed && !p.allows)) continue;
      const key = `${p.lines.line}-${p.lines.endLine}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ranges.push({ ...p.lines });
    }
  }
  return ranges.sort((a, b) => a.line - b.line);
}

export function explain(answer: ReachAnswer, from: string, to: string): Explanation {
  const sides = [side('egress', from, answer.egress), side('ingress', to, answer.ingress)];
  return {
    allowed: answer.allowed,
    enforced: answer.egress.enforced && answer.ingress.enforced,
    reason: answer.reason,
    sides,
    highlights: highlightsOf(sides),
  };
}

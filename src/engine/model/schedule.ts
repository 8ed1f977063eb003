// The scheduler and the pod IP allocator: deterministic spread, input values win.
import type { Diagnostic, Node, Pod } from '../types';
import { locate } from '../parse/parse';
import { diagnostic } from '../diagnostics/make';
import { formatIPv4, parseCIDR4, parseIPv4 } from './ip';
import { nodeMatches, type PodPlan } from './pods';

export function schedule(plans: PodPlan[], nodes: Node[], diagnostics: Diagnostic[]): Pod[] {
  const byName = new Map(nodes.map((n, i) => [n.name, i]));
  const load = nodes.map(() => 0);
  const usedIPs = new Set<number>();
  for (const p of plans) {
    const ip = parseIPv4(p.inputPodIP);
    if (ip !== null && !p.pod.hostNetwork) usedIPs.add(ip);
  }
  for (const n of nodes) {
    const ip = parseIPv4(n.internalIP);
    if (ip !== null) usedIPs.add(ip);
  }
  for (const p of plans) {
    const i = p.pod.nodeName !== null ? byName.get(p.pod.nodeName) : undefined;
    if (i !== undefined) load[i]++;
  }
  const ranges = nodes.map((n) => parseCIDR4(n.podCIDR));
  // Addresses .2 up to the one before broadcast: a node whose pod CIDR is full takes no more pods.
  const capacity = ranges.map((r) => (r ? Math.max(0, r.size - 3) : 0));
  const next = nodes.map(() => 2);
  const warned = new Set<string>();
  const warnOnce = (p: PodPlan, code: 'KN4005' | 'KN4006', message: string, path: Array<string | number>): void => {
    if (warned.has(`${code}:${p.originKey}`)) return;
    warned.add(`${code}:${p.originKey}`);
    const where = p.origin ? locate(p.origin, path) : null;
    if (where) diagnostics.push(diagnostic(code, where, message, p.originKey));
  };
  const p0 = (p: PodPlan): Array<string | number> => (p.origin && p.origin.kind !== 'Pod' ? ['spec', 'replicas'] : ['metadata', 'name']);
  const templatePath = (p: PodPlan, leaf: string): Array<string | number> => (p.origin && p.origin.kind !== 'Pod' ? ['spec', 'template', 'spec', leaf] : ['spec', leaf]);

  return plans.map((plan) => {
    const pod = plan.pod;
    let nodeIndex: number | undefined;
    if (pod.nodeName !== null) {
      nodeIndex = byName.get(pod.nodeName);
      if (nodeIndex === undefined) {
        warnOnce(plan, 'KN4006', `Pod ${pod.key} is bound to node "${pod.nodeName}", which does not exist, so it never runs; remove spec.nodeName or name one of: ${nodes.map((n) => n.name).join(', ')}.`, templatePath(plan, 'nodeName'));
      }
    } else {
      let best = -1;
      for (let i = 0; i < nodes.length; i++) {
        if (!nodes[i].ready || !nodeMatches(nodes[i], plan.nodeSelector)) continue;
        if (!pod.hostNetwork && load[i] >= capacity[i]) continue;
        if (best < 0 || load[i] < load[best]) best = i;
      }
      if (best < 0) {
        const sel = Object.entries(plan.nodeSelector).map(([k, v]) => `${k}=${v}`).join(', ');
        const fits = nodes.some((n) => nodeMatches(n, plan.nodeSelector));
        const ready = nodes.some((n) => n.ready && nodeMatches(n, plan.nodeSelector));
        if (fits && !ready) warnOnce(plan, 'KN4005', `Every node that ${plan.originKey} may use is NotReady, so its pods stay Pending with no IP; mark a node Ready (status.conditions) or add one.`, p0(plan));
        else if (!fits) warnOnce(plan, 'KN4005', `No node has the labels ${sel} that the nodeSelector of ${plan.originKey} asks for, so its pods stay Pending with no IP; fix the nodeSelector or label a node.`, templatePath(plan, 'nodeSelector'));
        else warnOnce(plan, 'KN4005', `Every node that ${plan.originKey} may use has run out of pod addresses (one /24 pod CIDR each), so some of its pods stay Pending; add Node objects or lower the replicas.`, p0(plan));
      } else {
        nodeIndex = best;
        load[best]++;
        pod.nodeName = nodes[best].name;
      }
    }
    const node = nodeIndex !== undefined ? nodes[nodeIndex] : null;
    const wantsIP = plan.givenPhase === null || plan.givenPhase === 'Running' || plan.givenPhase === 'Unknown';
    if (plan.inputPodIP) pod.podIP = plan.inputPodIP;
    else if (node && pod.hostNetwork) pod.podIP = node.internalIP;
    else if (node && wantsIP && nodeIndex !== undefined) {
      const r = ranges[nodeIndex];
      while (r && next[nodeIndex] < r.size - 1) {
        const candidate = (r.base + next[nodeIndex]++) >>> 0;
        if (!usedIPs.has(candidate)) {
          usedIPs.add(candidate);
          pod.podIP = formatIPv4(candidate);
          break;
        }
      }
    }
    pod.hostIP = plan.inputHostIP ?? (node ? node.internalIP : null);
    pod.phase = plan.givenPhase ?? (node && pod.podIP ? 'Running' : 'Pending');
    pod.ready = plan.givenReady ?? pod.phase === 'Running';
    return pod;
  });
}

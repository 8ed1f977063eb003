import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine';
import { deriveTopology, type PodAggregateData } from '../canvas/topology';
import { describePods, LISTED_PODS } from './details';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 700
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: main, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

describe('details of a grouped pods card', () => {
  it('lists the first pods with their addresses, counts the rest and names the Service they back', () => {
    const sim = simulate([{ name: 'manifests.yaml', text: MANIFEST }]);
    const card = deriveTopology(sim.cluster, sim.diagnostics, { showBuiltin: false }).elements.find((e) => e.data.kind === 'podAggregate')!;
    const group = card.data as PodAggregateData;
    const details = describePods(sim.cluster, group);
    expect(details.title).toBe('shop/web');
    const section = (heading: string | RegExp) => details.sections.find((s) => s.heading.match(heading))!;
    expect(Object.fromEntries(section('Group').rows)).toMatchObject({ 'made by': 'Deployment/web', node: group.nodeName, pods: String(group.podCount) });
    const pods = section(/^Pods/);
    expect(pods.heading).toBe(`Pods (first ${LISTED_PODS} of ${group.podCount})`);
    expect(pods.rows).toHaveLength(LISTED_PODS + 1);
    expect(pods.rows[0][1]).toMatch(/^10\.244\.\d+\.\d+ · Ready$/);
    expect(pods.rows.at(-1)).toEqual(['', `… and ${group.podCount - LISTED_PODS} more`]);
    expect(section('Endpoint of').rows).toEqual([['Service shop/web', `${group.podCount} of these pods`]]);
  });
});

import { describe, expect, it } from 'vitest';
import type { TraceAnswer } from '../../engine';
import { elementAt, elementOfRef, rewrites, toPlaybackPath, trailOf } from './playbackPath';

const src = (line: number, endLine: number, file = 'manifests.yaml') => ({ file, line, endLine });

// External → load balancer → node (kube-proxy DNAT, no element of its own) → pod.
const delivered: TraceAnswer = {
  delivered: true,
  status: 200,
  hops: [
    { kind: 'Client', name: '203.0.113.10', ip: '203.0.113.10', port: null, note: 'The request leaves the client.', packet: { src: '203.0.113.10:40000', dst: '198.51.100.1:80' }, ref: 'Client' },
    { kind: 'LoadBalancer', name: 'shop/frontend', ip: '198.51.100.1', port: 80, note: 'The load balancer picks node-1.', packet: { src: '203.0.113.10:40000', dst: '172.18.0.2:31491' }, ref: 'LoadBalancer/shop/frontend' },
    { kind: 'KubeProxy', name: 'node-1', ip: null, port: null, note: 'kube-proxy rewrites the destination to a pod.', packet: { src: '10.244.0.0:40000', dst: '10.244.1.3:80' }, ref: null },
    { kind: 'Pod', name: 'shop/frontend-a', ip: '10.244.1.3', port: 80, note: 'The pod answers.', ref: 'Pod/shop/frontend-a' },
  ],
  destination: { pod: 'shop/frontend-a', ip: '10.244.1.3', port: 80 },
  candidates: [{ pod: 'shop/frontend-a', probability: 1 }],
  sourceIpAtPod: '10.244.0.0',
  drop: null,
};

describe('a trace as a playback path', () => {
  it('maps refs to canvas element ids, and hops without a place to null', () => {
    expect(elementOfRef('Client')).toBe('client');
    expect(elementOfRef('LoadBalancer/shop/frontend')).toBe('lb-shop/frontend');
    expect(elementOfRef('Node/node-2')).toBe('node-node-2');
    expect(elementOfRef('Service/shop/backend-api')).toBe('service-shop/backend-api');
    expect(elementOfRef('Pod/kube-system/coredns-0')).toBe('pod-kube-system/coredns-0');
    expect(elementOfRef('Gateway/shop/web')).toBeNull();
    expect(elementOfRef(null)).toBeNull();
  });

  it('labels each hop with what it is, apart from its kind (the panel shows them side by side)', () => {
    const path = toPlaybackPath(delivered, 'external → 198.51.100.1:80');
    expect(path.hops.map((h) => [h.kind, h.label])).toEqual([
      ['Client', '203.0.113.10'], ['LoadBalancer', 'shop/frontend'], ['KubeProxy', 'node-1'], ['Pod', 'shop/frontend-a'],
    ]);
  });

  it('keeps the packet addresses per hop, carrying them over a hop that says nothing, so DNAT and SNAT show', () => {
    const path = toPlaybackPath(delivered, 'external → 198.51.100.1:80');
    expect(path.hops.map((h) => [h.element, h.src, h.dst])).toEqual([
      ['client', '203.0.113.10:40000', '198.51.100.1:80'],
      ['lb-shop/frontend', '203.0.113.10:40000', '172.18.0.2:31491'],
      [null, '10.244.0.0:40000', '10.244.1.3:80'],
      ['pod-shop/frontend-a', '10.244.0.0:40000', '10.244.1.3:80'],
    ]);
    expect(rewrites(path.hops[1], path.hops[2])).toEqual({ src: true, dst: true });
    expect(rewrites(path.hops[2], path.hops[3])).toEqual({ src: false, dst: false });
    expect(rewrites(undefined, path.hops[0])).toEqual({ src: false, dst: false });
    expect(path.drop).toBeNull();
    expect(path.highlights).toEqual([]);
  });

  it('marks no rewrite where a DNS exchange starts, answers or ends: those are other packets', () => {
    const dnsFirst: TraceAnswer = {
      ...delivered,
      hops: [
        { kind: 'Pod', name: 'shop/web', ip: null, port: null, note: 'asks', ref: 'Pod/shop/web', packet: { src: '10.244.1.4:40289', dst: 'backend-api.shop:80' } },
        { kind: 'DNS', name: 'kube-system/kube-dns', ip: null, port: null, note: 'query', ref: 'Service/kube-system/kube-dns', packet: { src: '10.244.1.4:32777', dst: '10.96.0.10:53' } },
        { kind: 'DNS', name: 'kube-system/coredns-a', ip: null, port: null, note: 'to CoreDNS', ref: 'Pod/kube-system/coredns-a', packet: { src: '10.244.1.4:32777', dst: '10.244.0.2:53' } },
        { kind: 'DNS', name: 'backend-api.shop', ip: null, port: null, note: 'answer', ref: 'Pod/shop/web', packet: { src: '10.96.0.10:53', dst: '10.244.1.4:32777' } },
        { kind: 'ClusterIP', name: 'shop/backend-api', ip: null, port: null, note: 'connects', ref: 'Service/shop/backend-api', packet: { src: '10.244.1.4:40289', dst: '10.106.210.172:80' } },
        { kind: 'KubeProxy', name: 'node-2', ip: null, port: null, note: 'DNAT', ref: 'Service/shop/backend-api', packet: { src: '10.244.1.4:40289', dst: '10.244.0.4:8080' } },
      ],
    };
    const { hops } = toPlaybackPath(dnsFirst, 't');
    expect(hops.map((h, i) => rewrites(hops[i - 1], h))).toEqual([
      { src: false, dst: false },
      { src: false, dst: false },
      // kube-dns's ClusterIP to a CoreDNS pod is a DNAT inside the DNS exchange.
      { src: false, dst: true },
      { src: false, dst: false },
      { src: false, dst: false },
      { src: false, dst: true },
    ]);
  });

  it('keeps the packet at the last element it reached while a hop has none (kube-proxy) or is hidden', () => {
    const { hops } = toPlaybackPath(delivered, 't');
    const all = () => true;
    expect(elementAt(hops, 2, all)).toBe('lb-shop/frontend');
    expect(elementAt(hops, 3, all)).toBe('pod-shop/frontend-a');
    expect(elementAt(hops, 3, (id) => id !== 'pod-shop/frontend-a')).toBe('lb-shop/frontend');
    expect(trailOf(hops)).toEqual(['client', 'lb-shop/frontend', 'pod-shop/frontend-a']);
  });

  it('a drop carries its reason, fix and the editor lines to change (only the editor file\'s)', () => {
    const dropped: TraceAnswer = {
      ...delivered,
      delivered: false,
      status: null,
      destination: null,
      hops: [delivered.hops[0], { ...delivered.hops[1], sources: [src(40, 48)] }],
      drop: { hop: 1, reason: 'NO_LOCAL_ENDPOINT', message: 'node-1 has no ready pod of shop/frontend.', fix: 'Use externalTrafficPolicy: Cluster.', sources: [src(44, 44), src(3, 3, 'other.yaml')] },
    };
    const path = toPlaybackPath(dropped, 't');
    expect(path.drop).toEqual({ hop: 1, reason: 'NO_LOCAL_ENDPOINT', message: 'node-1 has no ready pod of shop/frontend.', fix: 'Use externalTrafficPolicy: Cluster.' });
    expect(path.highlights).toEqual([{ line: 44, endLine: 44 }]);
    // Without lines of its own, the drop points at the hop's.
    expect(toPlaybackPath({ ...dropped, drop: { ...dropped.drop!, sources: undefined } }, 't').highlights).toEqual([{ line: 40, endLine: 48 }]);
  });
});

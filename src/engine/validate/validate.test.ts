import { describe, expect, it } from 'vitest';
import { simulate } from '../index';

const run = (text: string) => simulate([{ name: 'app.yaml', text }]);
const found = (text: string) => run(text).diagnostics.map((d) => [d.code, d.line, d.column]);

describe('API server errors, at the offending field', () => {
  it('checks Service ports', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: Web.Server
spec:
  ports:
    - port: 80
    - name: http
      port: 70000
    - name: http
      port: "eighty"
    - name: dns
      port: 53
      targetPort: 0x10000
    - name: dns-b
      port: 53
      targetPort: Not_A_Name
      nodePort: 30001
      protocol: tcp
`;
    expect(found(text)).toEqual([
      ['KN2001', 4, 3],
      ['KN3001', 7, 7],
      ['KN3004', 9, 7],
      ['KN3002', 10, 7],
      ['KN1006', 11, 7],
      ['KN3005', 14, 7],
      ['KN3006', 17, 7],
      ['KN3007', 18, 7],
      ['KN3017', 19, 7],
    ]);
  });

  it('checks types, clusterIP, ExternalName, traffic policy and affinity', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: a}
spec:
  type: NodePort
  clusterIP: None
  ports: [{port: 80, nodePort: 20000}]
  sessionAffinity: ClientIP
  sessionAffinityConfig: {clientIP: {timeoutSeconds: 100000}}
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec:
  type: ExternalName
  externalName: My_DB.example.com
---
apiVersion: v1
kind: Service
metadata: {name: c}
spec:
  externalTrafficPolicy: Local
  selector: {app: c}
---
apiVersion: v1
kind: Service
metadata: {name: d}
spec:
  type: ExternalName
`;
    expect(run(text).diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line, d.object])).toEqual([
      ['KN3012', 6, 'Service/default/a'],
      ['KN3008', 7, 'Service/default/a'],
      ['KN3015', 9, 'Service/default/a'],
      ['KN3013', 16, 'Service/default/b'],
      ['KN3016', 21, 'Service/default/c'],
      ['KN3014', 22, 'Service/default/c'],
      ['KN3013', 28, 'Service/default/d'],
    ]);
  });

  it('treats a field written as null like an absent one, as the API server decodes it', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: null
  selector: {app: web}
  ports: [{port: 80, protocol: null}]
  sessionAffinityConfig: null
  allocateLoadBalancerNodePorts: null
  loadBalancerIP: null
---
apiVersion: v1
kind: Service
metadata: {name: sticky}
spec:
  selector: {app: web}
  ports: [{port: 80}]
  sessionAffinity: ClientIP
  sessionAffinityConfig: {clientIP: {timeoutSeconds: null}}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: c, ports: [{containerPort: 80, protocol: null}]}]
`;
    expect(found(text)).toEqual([]);
  });

  it('treats an empty targetPort or container port name as unset, as the API server defaults them', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: ""}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: c, ports: [{name: "", containerPort: 80}]}]
`;
    expect(found(text)).toEqual([]);
    expect(run(text).cluster.endpointSlices.find((s) => s.service === 'default/web')!.ports).toEqual([{ name: null, port: 80, protocol: 'TCP' }]);
  });

  it('accepts DNS subdomains whose parts are longer than 63 characters, as the API server does', () => {
    const long = 'a'.repeat(70);
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${long}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {${long}.example.com/team: web, app: web}}
    spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  type: ExternalName
  externalName: ${long}.example.com
`;
    expect(found(text)).toEqual([]);
  });

  it('checks labels, duplicates and Deployment selectors', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    "-bad": ok
    version: 1
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: webb}
    spec: {containers: [{name: c}]}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata: {labels: {app: x}}
`;
    expect(found(text)).toEqual([
      ['KN2002', 6, 5],
      ['KN1006', 7, 5],
      ['KN5001', 9, 3],
      ['KN2004', 19, 3],
    ]);
    const msg = run(text).diagnostics.find((d) => d.code === 'KN2004')!.message;
    expect(msg).toContain('app.yaml:1');
  });
});

describe('pod specs', () => {
  it('checks container port types, ranges and names', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      ports:
        - containerPort: "8080"
        - containerPort: 70000
        - containerPort: 80
          name: Web_Port
          protocol: http
`;
    expect(found(text)).toEqual([['KN1006', 8, 11], ['KN5003', 9, 11], ['KN5003', 11, 11], ['KN3017', 12, 11]]);
  });
});

describe('reviewer warnings', () => {
  const pods = `apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers:
        - name: c
          ports: [{name: http, containerPort: 80}, {name: dns, containerPort: 53, protocol: UDP}]
---
apiVersion: v1
kind: Pod
metadata: {name: be, namespace: shop, labels: {app: backend}}
spec: {containers: [{name: c}]}
---
`;
  it('says the selector matches no pod, at the selector line, with the labels pods have', () => {
    const sim = run(`${pods}apiVersion: v1
kind: Service
metadata: {name: frontend, namespace: shop}
spec:
  ports: [{port: 80}]
  selector:
    app: frontnd
`);
    const d = sim.diagnostics.find((x) => x.code === 'KN4001')!;
    expect(d).toMatchObject({ severity: 'warning', line: 23, column: 3, object: 'Service/shop/frontend' });
    expect(d.message).toContain('Service shop/frontend selects app=frontnd, but no pod in namespace shop has that label; pods there have app=backend, app=frontend');
    expect(d.message).toContain('#1 reason');
  });

  it('flags targetPorts that no selected container exposes, and protocol mismatches', () => {
    const sim = run(`${pods}apiVersion: v1
kind: Service
metadata: {name: frontend, namespace: shop}
spec:
  selector: {app: frontend}
  ports:
    - {name: a, port: 80, targetPort: 8080}
    - {name: b, port: 81, targetPort: metrics}
    - {name: c, port: 53, targetPort: dns}
    - {name: d, port: 82, targetPort: http}
`);
    expect(sim.diagnostics.map((d) => [d.code, d.line])).toEqual([['KN4002', 24], ['KN4002', 25], ['KN4003', 26]]);
  });

  it('warns when an ExternalName is an IP address', () => {
    expect(found('apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  type: ExternalName\n  externalName: 10.0.0.1\n')).toEqual([['KN4004', 6, 3]]);
  });

  it('reports unknown kinds as info and keeps them', () => {
    const sim = run('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: p}\n');
    expect(sim.diagnostics.map((d) => [d.severity, d.code, d.object])).toEqual([['info', 'KN1004', 'ConfigMap/default/c'], ['info', 'KN1005', 'Gateway/default/p']]);
    expect(sim.cluster.objects.map((o) => o.key)).toEqual(['ConfigMap/default/c', 'Gateway/default/p']);
  });
});

describe('container ports', () => {
  it('says a misspelt containerPort key is not containerPort, at that key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n      ports:\n        - name: udps\n          containerport: 3535\n          protocol: UDP\n';
    const d = run(text).diagnostics.find((x) => x.severity === 'error');
    expect(d).toMatchObject({ code: 'KN1006', line: 11, column: 11 });
    expect(d?.message).toContain('case-sensitive');
  });
});

describe('a selector that matches nothing while some YAML is unreadable', () => {
  it('points at the syntax error rather than the selector as the likely cause', () => {
    const text = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  replicas: [2',
      '  selector:', '    matchLabels: {app: api}', '  template:', '    metadata:', '      labels: {app: api}',
      '    spec:', '      containers: [{name: api, image: api}]', '---',
      'apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', 'spec:', '  selector: {app: api}', '  ports: [{port: 80}]',
    ].join('\n');
    const sim = run(text);
    expect(sim.hasParseErrors).toBe(true);
    const warning = sim.diagnostics.find((d) => d.code === 'KN4001');
    expect(warning?.line).toBe(20);
    expect(warning?.message).toContain('some YAML could not be read');
  });
});

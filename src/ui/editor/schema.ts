// A small Kubernetes-ish schema: every document needs apiVersion, kind and metadata.name.
// The engine does the real validation; this gives instant squiggles while typing.
export const KUBERNETES_OBJECT_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: { type: 'string', description: 'API group and version, e.g. v1 or apps/v1.' },
    kind: { type: 'string', description: 'Object kind, e.g. Service, Deployment, Pod.' },
    metadata: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        namespace: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
      },
    },
    spec: { type: 'object' },
  },
};

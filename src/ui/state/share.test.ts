import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeLink, encodeLink, MAX_SHARED_TEXT, type SharedState } from './share';

const state: SharedState = {
  text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n',
  settings: { proxyMode: 'ipvs' },
  request: { from: 'external', to: 'http://web.default/' },
  view: { view: 'matrix', panel: 'dns' },
};

/** A v1 link as published: it must open forever, whatever the encoder does later. */
const V1_LINK = '#v1:FYw9DsIwDEavEnmuqFhzByYkpi6GuMKicSLXpEVV744zfj_vHWAQASs_SFcuEkO7TvJhSTHcSRu_aJJMhgkNYzgEM8Ww0fOcBAZYIR5Qtey_W0nkJq5thXMA7cOsJXtHu5EKLv634vltVuM4uuSSaMbvYmNHWkca0-aXjKa8O1BRaPEiiWvPPw';

const link = (payload: unknown) => `#v1:${btoa(String.fromCharCode(...deflateSync(strToU8(JSON.stringify(payload))))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;

describe('share links', () => {
  it('a published v1 link still opens with its text, settings, request and view', () => {
    expect(decodeLink(V1_LINK)).toEqual({ ok: true, state });
  });

  it('the encoder writes v1 as pinned (a change here breaks nobody, but must be deliberate)', () => {
    expect(`#${encodeLink(state)}`).toBe(V1_LINK);
  });

  it('round-trips any text, unicode and all', () => {
    const text = 'metadata:\n  annotations: {note: "naïve — 日本語 🚀"}\n';
    expect(decodeLink(encodeLink({ ...state, text })!)).toMatchObject({ ok: true, state: { text } });
  });

  it('a link never holds more than the browser keeps: a huge text gives no link', () => {
    expect(encodeLink({ ...state, text: 'x'.repeat(MAX_SHARED_TEXT + 1) })).toBeNull();
  });

  it('sanitises what a link holds: unknown views, requests of the wrong type and nested settings are dropped', () => {
    const decoded = decodeLink(link({ t: 'a: 1', s: { proxyMode: 'ipvs', evil: { deep: { x: 1 } }, upstreamHosts: { 'a.com': '1.2.3.4', bad: [1] }, f: () => 1 }, r: { from: 5, to: 'x' }, v: { view: '<script>', panel: 'trace' } }));
    expect(decoded).toEqual({
      ok: true,
      state: { text: 'a: 1', settings: { proxyMode: 'ipvs', evil: {}, upstreamHosts: { 'a.com': '1.2.3.4' } }, request: null, view: { view: 'topology', panel: 'trace' } },
    });
  });

  it('a broken link says why instead of throwing', () => {
    const reasons = ['#', '#hello', '#v9:abc', '#v1:', '#v1:!!!', '#v1:AAAA', link({ text: 'no t field' }), link([1, 2])].map((h) => decodeLink(h));
    for (const r of reasons) expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^it /) });
    expect(decodeLink('#v9:abc')).toEqual({ ok: false, reason: 'it was made by a newer version (v9)' });
  });

  it('a small link that inflates past 4 MB is refused (a deflate bomb)', () => {
    const bomb = link({ t: 'x'.repeat(5_000_000) });
    expect(bomb.length).toBeLessThan(20_000);
    expect(decodeLink(bomb)).toEqual({ ok: false, reason: 'it is damaged (it expands past 4 MB)' });
  });
});

/** `meetings=1` in the URL: the toggle for the chronology's unmentioned meetings survives a shared link. */
import { describe, expect, it } from 'vitest';
import { emptyView, parseQuery, toQuery } from '../../../../src/app/state/url';
import { ViewState } from '../../../../src/app/state/view.svelte';

describe('meetings=1', () => {
  it('is off by default and absent from the URL then', () => {
    expect(parseQuery('').values.meetings).toBe(false);
    expect(toQuery(emptyView())).toBe('');
  });

  it('reads 1 (or true/on) and writes 1', () => {
    expect(parseQuery('?meetings=1').values.meetings).toBe(true);
    expect(parseQuery('?meetings=on').values.meetings).toBe(true);
    expect(parseQuery('?meetings=0').values.meetings).toBe(false);
    expect(toQuery({ ...emptyView(), meetings: true })).toBe('?meetings=1');
  });

  it('a value that is not 1 or 0 is ignored with a notice naming it', () => {
    const p = parseQuery('?meetings=maybe&place=moscow');
    expect(p.values.meetings).toBe(false);
    expect(p.values.place).toBe('moscow');
    expect(p.notices).toMatchObject([{ param: 'meetings', message: '“meetings=maybe” is not 1 or 0; ignored.' }]);
  });

  it('goes through the one view state: set, query and applyQuery', () => {
    const v = new ViewState();
    v.applyQuery('?meetings=1&from=2020-01-01');
    expect(v.meetings).toBe(true);
    expect(v.query()).toBe('?from=2020-01-01&meetings=1');
    v.set({ meetings: false });
    expect(v.query()).toBe('?from=2020-01-01');
  });
});

/**
 * Someone edits data/membership.json by hand and gets one state wrong: the page names the file, the
 * entry and the state left uncoloured in a notice, and the map area still comes up (here without a map
 * engine, as in a view with no WebGL).
 */
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { ViewState } from '../../../src/app/state/view.svelte';
import { sampleData, withAtlas } from './sample';

// The file as the build reads it, with India's first period starting on a day that does not exist, checked
// by the same code the build runs (src/contract/build/checked-data.ts) into the module the page imports.
vi.mock('virtual:sco-atlas/checked-data', async () => {
  const { readFileSync } = await import('node:fs');
  const { checkedData } = await import('../../../src/contract/build/checked-data');
  const file = JSON.parse(readFileSync('data/membership.json', 'utf8')) as { states: { id: string; periods: { from: string }[] }[] };
  file.states.find((s) => s.id === '356')!.periods[0]!.from = '2005-02-30';
  return checkedData({ membership: JSON.stringify(file), seas: readFileSync('data/seas.json', 'utf8') });
});

describe('a wrong entry in data/membership.json', () => {
  it('becomes a notice naming the file, the entry and the state; the map area still renders', async () => {
    const { default: MapView } = await import('../../../src/app/map/MapView.svelte');
    const { MEMBERSHIP } = await import('../../../src/app/map/membership');
    const { view, context } = withAtlas(await sampleData(), new ViewState());
    render(MapView, { props: { factory: null }, context });
    const notice = view.notices.find((n) => n.param === 'membership.json');
    expect(notice?.message).toMatch(
      /^data\/membership\.json: states\[\d+\]\.periods\[0\]\.from: 2005-02-30 is not a calendar date; 356 left uncoloured$/,
    );
    expect(MEMBERSHIP.map((s) => s.id)).not.toContain('356');
    expect(MEMBERSHIP.map((s) => s.id)).toContain('156'); // the other states keep their colours
    expect(screen.getByText('The map is not available in this view.')).toBeInTheDocument();
  });
});

/**
 * The panel's fix actions (issue 12): a read-only atlas (an embed, <sco-atlas>: no corrections layer)
 * shows no Fix and no Detach button; an editable one shows Fix on each event and "Detach from this
 * event" on each statement under an event, which asks the fixes to detach that statement from that event.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import StatementPanel from '../../../../src/app/components/StatementPanel.svelte';
import { ViewState } from '../../../../src/app/state/view.svelte';
import { sampleData, withAtlas } from '../sample';

describe('Fix and Detach in the statements panel', () => {
  it('are not there while the atlas is read-only', async () => {
    const view = new ViewState();
    view.place = 'bangkok';
    render(StatementPanel, { props: { onclose: () => {} }, context: withAtlas(await sampleData(), view).context });
    expect(screen.queryAllByRole('button', { name: /^Fix this event/ })).toEqual([]);
    expect(screen.queryAllByRole('button', { name: /^Detach from this event/ })).toEqual([]);
  });

  it('are there when fixes can be made, and Detach names the statement and its event', async () => {
    const view = new ViewState();
    view.place = 'bangkok';
    const { atlas, context } = withAtlas(await sampleData(), view);
    const asked: [string, string][] = [];
    atlas.fixer = { detach: (s, e) => void asked.push([s, e]) };
    render(StatementPanel, { props: { onclose: () => {} }, context });
    flushSync();
    expect(screen.getAllByRole('button', { name: /^Fix this event/ })).toHaveLength(2);
    const detach = screen.getAllByRole('button', { name: /^Detach from this event: Fifth Directors General Forum/ });
    expect(detach.length).toBeGreaterThan(0);
    await fireEvent.click(detach[0]!);
    const [sid, eid] = asked[0]!;
    expect(eid).toBe('ev-forum-2023');
    expect(atlas.data!.statementsByEvent.get(eid)!.map((s) => s.id)).toContain(sid);
  });
});

/**
 * "Your documents" as a user reads it once their files are done: each row shows the document's own
 * title, and also the file the user chose whenever the title is something else (a Word press release
 * titled only "Пресс-релиз" must still be findable as ru-cfm-astana.docx); Escape closes it; a
 * download of the whole atlas says which step it is at and for how long (the first offline file from a
 * development server took 15-20 s behind a bare "Building…").
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import YourDocuments from '../../../../src/app/documents/YourDocuments.svelte';
import type { UserDocument, UserDocuments } from '../../../../src/app/documents/documents.svelte';

const row = (name: string, title: string): UserDocument => ({
  id: name.replace(/\.\w+$/, ''),
  name,
  size: 100,
  title,
  stage: 'done',
  found: { events: 2, places: 2, statements: 3 },
  messages: [],
  stored: true,
});

function list(docs: UserDocument[]) {
  // Only what the panel reads of the documents' state: the rows, no batch, no download under way.
  const state = { docs, notice: null, progress: null, takeAway: null, busy: false } as unknown as UserDocuments;
  render(YourDocuments, { props: { docs: state, open: true } });
  return screen.getAllByTestId('user-document');
}

describe('Your documents', () => {
  it('names the file under a title that is not the file name', () => {
    const [docx, txt, pasted] = list([
      row('ru-cfm-astana.docx', 'Пресс-релиз'),
      row('notes.txt', 'notes.txt'),
      row('上合组织秘书长讲话.txt', '上合组织秘书长讲话'),
    ]);
    expect(within(docx!).getByText('Пресс-релиз')).toBeTruthy();
    expect(within(docx!).getByTestId('document-file').textContent).toBe('ru-cfm-astana.docx');
    // A file whose title is its name is not named twice.
    expect(within(txt!).queryByTestId('document-file')).toBeNull();
    expect(within(txt!).getAllByText('notes.txt')).toHaveLength(1);
    // Nor pasted text, whose file is its title.
    expect(within(pasted!).queryByTestId('document-file')).toBeNull();
  });

  it('closes on Escape from inside the list, and the focus goes back to its button', async () => {
    list([row('notes.txt', 'notes.txt')]);
    const remove = screen.getByRole('button', { name: 'Remove notes.txt' });
    remove.focus();
    await fireEvent.keyDown(remove, { key: 'Escape' });
    expect(screen.queryByTestId('your-documents')).toBeNull();
    const toggle = screen.getByTestId('your-documents-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });

  it('closes on Escape pressed anywhere on the page, but not while a dialog over it has the key', async () => {
    list([row('notes.txt', 'notes.txt')]);
    const dialog = document.body.appendChild(document.createElement('div'));
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    await fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByTestId('your-documents')).not.toBeNull();
    dialog.remove();
    await fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByTestId('your-documents')).toBeNull();
  });

  it('opened from disc (the single offline file), says documents are added from a served atlas', () => {
    const state = { docs: [], notice: null, progress: null, takeAway: null, busy: false } as unknown as UserDocuments;
    render(YourDocuments, { props: { docs: state, open: true, canAdd: false } });
    expect(screen.getByTestId('documents-empty').textContent).toMatch(/open the atlas from a server/);
  });

  it('while the offline file is made, says which step it is at and for how long, and the step to a screen reader', () => {
    const takeAway = { kind: 'html', step: 'shell', since: Date.now() - 5_000 };
    const state = { docs: [], notice: null, progress: null, takeAway, busy: false } as unknown as UserDocuments;
    render(YourDocuments, { props: { docs: state, open: true } });
    const shown = screen.getByTestId('take-away-progress');
    expect(shown.textContent!.trim()).toMatch(/^Step 2 of 3: getting the offline page \(the first time, a development server builds it/);
    expect(shown.textContent!.trim()).toMatch(/5 s$/);
    expect(shown.querySelector('progress')).not.toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/^Step 2 of 3: getting the offline page/);
    expect(screen.getByTestId('download-html').textContent).toMatch(/Building/);
  });
});

import type { PanelNotes } from './panel-notes';

/** What the reader should know about the whole page, said once above the sections. */
export function PageNotices({ notes, tabNotes }: { notes: PanelNotes; tabNotes: readonly string[] }) {
  return (
    <>
      {notes.withheld.map((message) => (
        <p key={message} class="notice" data-role="withheld">
          {message}
        </p>
      ))}
      {[...tabNotes, ...notes.page].map((note) => (
        <p key={note} class="note" role="note">
          {note}
        </p>
      ))}
    </>
  );
}

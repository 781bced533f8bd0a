/** The manifest command that annotates the page (its default binding is Alt+Shift+L). */
export const ANNOTATE_COMMAND = 'annotate-page';

type Commands = { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };

/** The keys the browser binds to "annotate this page" now, or undefined when the user cleared them. */
export async function annotateShortcut(commands: Commands): Promise<string | undefined> {
  const command = (await commands.getAll()).find((c) => c.name === ANNOTATE_COMMAND);
  return command?.shortcut || undefined;
}

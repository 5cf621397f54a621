/** What each language's example workspace provides (content-en.ts, content-fr.ts). */

/** The YAML text of an example workspace, in one language. */
export interface WorkspaceContent {
  framework: string;
  rep: { id: string; text: string };
}

/**
 * What `revue init` writes (SPEC §7), as plain data: a framework, one
 * example rep in the year folder, the JSON Schemas the `$schema` lines point
 * to, and a .gitignore. Pure: the year and the locale come from the caller.
 */
import { jsonSchema } from '../model/json-schema.js';
import { englishWorkspace } from './content-en.js';
import { frenchWorkspace } from './content-fr.js';

export type InitLocale = 'fr' | 'en';

export interface InitFile {
  /** Relative to the workspace folder, with `/` separators. */
  path: string;
  text: string;
}

/** The lines revue needs in the workspace's .gitignore. */
export const GITIGNORE_LINES = ['output/'];

export function workspaceFiles(options: { locale: InitLocale; year: number }): InitFile[] {
  const content = options.locale === 'fr' ? frenchWorkspace(options.year) : englishWorkspace(options.year);
  return [
    { path: 'data/framework.yaml', text: content.framework },
    { path: `data/${options.year}/${content.rep.id}.yaml`, text: content.rep.text },
    // The `$schema` lines of the YAML files point here: the workspace must not depend on revue's own folder.
    { path: 'schema/framework.schema.json', text: `${JSON.stringify(jsonSchema('framework'), null, 2)}\n` },
    { path: 'schema/rep.schema.json', text: `${JSON.stringify(jsonSchema('rep'), null, 2)}\n` },
    {
      path: '.gitignore',
      text: `# Everything revue generates: rebuild it with "revue build"\n${GITIGNORE_LINES.join('\n')}\n`,
    },
  ];
}

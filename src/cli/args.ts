/**
 * The options of a command: parsed by citty, but checked and explained by
 * revue, in the workspace's language. Options are named in kebab-case, as
 * they are typed (`--html-only`); an unknown one is refused with the
 * nearest known spelling; the help shows each default once.
 */
import { parseArgs, type ArgsDef, type ParsedArgs } from 'citty';
import { UsageError } from '../errors.js';
import type { CliCatalogue, CommandName } from '../messages/cli.js';
import { closest } from '../model/text.js';

/** How the help explains an option: keys of the catalogue's `options`. */
export interface OptionHelp {
  text: keyof CliCatalogue['options'];
  /** The default, as words of the catalogue, or as it is typed. */
  default?: { words: keyof CliCatalogue['options'] } | { typed: string };
}

/** A command as the help and the parser see it; its code is loaded only when it runs. */
export interface CommandSpec<T extends ArgsDef = ArgsDef> {
  name: CommandName;
  /** Option names in kebab-case; at most one positional. */
  args: T;
  help: { [K in keyof T]: OptionHelp };
  /** More positionals than one are the command's to read (`revue log REP discovery=3 closing=2.5`), shown as `name`. */
  variadic?: OptionHelp & { name: string };
}

/** Reads `rawArgs` against the spec, refusing what it does not know (citty alone would ignore it). */
export function parseCommandArgs<T extends ArgsDef>(
  spec: CommandSpec<T>,
  rawArgs: readonly string[],
  t: CliCatalogue,
): ParsedArgs<T> {
  const options = optionNames(spec.args);
  const strings = new Set(
    Object.entries(spec.args)
      .filter(([, def]) => def.type === 'string' || def.type === 'enum')
      .map(([name]) => name),
  );
  const positionals: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i] ?? '';
    if (arg === '--') {
      positionals.push(...rawArgs.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const [flag = '', inline] = arg.split(/=(.*)/s);
    const name = flag.replace(/^--?/, '');
    if (!options.has(name)) {
      const suggestion = closest(
        flag,
        [...options].map((o) => `--${o}`),
      );
      throw new UsageError(t.unknownOption({ option: flag, command: spec.name }), {
        hint:
          suggestion === undefined
            ? t.knownOptions({ options: listedOptions(spec.args) })
            : t.didYouMean({ suggestion }),
      });
    }
    if (strings.has(name) && inline === undefined) {
      const value = rawArgs[i + 1];
      // A value may begin with a dash (`--improvements "- ask before showing"`, `--target -5`); one that
      // reads as an option (`--year --rep x`) means the value was left out.
      if (value === undefined || /^--?[A-Za-z][\w-]*(?:=.*)?$/s.test(value))
        throw new UsageError(t.missingValue({ option: flag }));
      i++;
    }
  }
  const positionalCount = Object.values(spec.args).filter((def) => def.type === 'positional').length;
  const extra = positionals[positionalCount];
  if (extra !== undefined && spec.variadic === undefined) throw new UsageError(t.tooManyArguments({ extra }));
  // The positionals as revue reads them (a negative number is one, a string option's value is not).
  return Object.assign(parseArgs<T>([...rawArgs], spec.args), { _: positionals });
}

/** Every spelling an option may be given in: `--year`, `--html-only`, `--no-watch`. */
function optionNames(args: ArgsDef): Set<string> {
  const names = new Set<string>();
  for (const [name, def] of Object.entries(args)) {
    if (def.type === 'positional') continue;
    names.add(name);
    if (def.type === 'boolean') names.add(`no-${name}`);
    for (const alias of aliasesOf(def)) names.add(alias);
  }
  return names;
}

/** An option's one-letter spellings (`-q`). */
function aliasesOf(def: ArgsDef[string]): string[] {
  const alias = 'alias' in def ? def.alias : undefined;
  return alias === undefined ? [] : Array.isArray(alias) ? alias : [alias];
}

function listedOptions(args: ArgsDef): string[] {
  return Object.entries(args)
    .filter(([, def]) => def.type !== 'positional')
    .map(([name]) => `--${name}`);
}

/** Every value of a repeatable option, as typed (a comma is part of the text: `--action "call, then write"`). */
export function optionValues(rawArgs: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i] ?? '';
    if (arg === '--') break;
    if (arg === `--${name}`) values.push(rawArgs[++i] ?? '');
    else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
  }
  return values;
}

/** Every value of a repeatable list option: `--rep a --rep b`, `--rep=a,b`. */
export function repeated(rawArgs: readonly string[], name: string): string[] {
  return optionValues(rawArgs, name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** `revue build --help`: the usage line, the description, then each option with its default, once. */
export function renderHelp(spec: CommandSpec, t: CliCatalogue): string {
  const entries = Object.entries(spec.args);
  const positional = entries.find(([, def]) => def.type === 'positional');
  const explain = (name: string) => {
    const help = spec.help[name];
    if (help === undefined) return '';
    const text = t.options[help.text];
    if (help.default === undefined) return text;
    const value = 'words' in help.default ? t.options[help.default.words] : help.default.typed;
    return `${text} ${t.defaultIs({ value })}`;
  };
  const rows = entries
    .filter(([, def]) => def.type !== 'positional')
    .map(([name, def]): [string, string] => [
      `${aliasesOf(def)
        .map((alias) => `-${alias}, `)
        .join('')}--${name}${def.type === 'boolean' ? '' : ` ${def.valueHint ?? 'VALUE'}`}`,
      explain(name),
    ]);
  rows.push(['-h, --help', t.options.help]);
  const lines = [
    t.usage({
      line: `revue ${spec.name}${positional === undefined ? '' : ` [${positional[0]}]`}${spec.variadic === undefined ? '' : ` [${spec.variadic.name}]`} [${t.optionsWord}]`,
    }),
    '',
    t.commands[spec.name],
  ];
  const positionalRows: Array<[string, string]> = [];
  if (positional !== undefined) positionalRows.push([positional[0], explain(positional[0])]);
  if (spec.variadic !== undefined) positionalRows.push([spec.variadic.name, t.options[spec.variadic.text]]);
  if (positionalRows.length > 0) lines.push('', t.argumentsHeading, ...table(positionalRows));
  lines.push('', t.optionsHeading, ...table(rows));
  return lines.join('\n');
}

/** `revue --help`. */
export function renderRootHelp(specs: readonly CommandSpec[], t: CliCatalogue, version: string): string {
  return [
    t.tagline({ version }),
    '',
    t.usage({ line: `revue ${t.commandPlaceholder} [${t.optionsWord}]` }),
    '',
    t.commandsHeading,
    ...table(specs.map((spec) => [spec.name, t.commands[spec.name]])),
    '',
    t.moreHelp,
  ].join('\n');
}

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`.trimEnd());
}

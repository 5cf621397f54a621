/**
 * Les diagnostics en français : les mêmes codes et paramètres que le
 * catalogue anglais (diagnostics-en.ts), dont le type l'impose. Les mots sont
 * composés par la balise `fr` (espaces insécables avant « : », dans « »,
 * fines avant ; ? !) ; les valeurs citées, les chemins et les lignes YAML à
 * recopier restent tels quels, nombres avec un point compris.
 */
import { dayThatIsNot } from './dates.js';
import {
  emptyList,
  leadingSpaces,
  type DiagnosticCatalogue,
  type Expected,
  type IdKind,
  type Reason,
} from './diagnostics-en.js';
import { decimal, fr } from './typography.js';

/** French counts one and zero in the singular. */
const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;
const at = (where: string) => (where === '' ? '' : fr`${where} : `);
const quote = (text: string) => fr`« ${text.length > 40 ? `${text.slice(0, 40)}…` : text} »`;
const didYouMean = (suggestion: string | undefined) =>
  suggestion === undefined ? undefined : fr`vouliez-vous dire ${quote(suggestion)} ?`;

/** Une valeur telle que saisie : textes entre guillemets, coupés s'ils sont longs. */
export function describeFr(value: unknown): string {
  if (value === null || value === undefined) return 'rien';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'une liste' : 'une table de clés';
}

const EXPECTED: Record<Expected, string> = {
  text: 'du texte',
  number: 'un nombre',
  'whole-number': 'un nombre entier',
  list: 'une liste',
  mapping: 'une table de clés (une clé: valeur par ligne)',
  boolean: 'true ou false',
  'level-or-map': 'un niveau, ou une table compétence: niveau',
  other: 'une autre sorte de valeur',
};

const REASONS: Record<string, string> = {
  ENOENT: 'ce fichier ou ce dossier n’existe pas',
  EACCES: 'permission refusée',
  ENOTDIR: 'ce n’est pas un dossier',
  ELOOP: 'trop de liens symboliques',
  EISDIR: 'c’est un dossier',
};
const reason = (r: Reason) => REASONS[r.code] ?? r.detail;

const PARSER: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'une clé est suivie de plus de lignes que sa valeur ne peut en prendre',
  MULTILINE_IMPLICIT_KEY: 'une clé s’étend sur plusieurs lignes',
  UNEXPECTED_TOKEN: 'un caractère inattendu ici',
  MISSING_CHAR: fr`il manque quelque chose ici : un deux-points, un guillemet ou un crochet fermant, ou un « - »`,
  BAD_INDENT: 'l’indentation ne correspond pas aux lignes voisines',
};

const UNKNOWN: Record<IdKind, string> = {
  competency: 'compétence inconnue',
  context: 'contexte inconnu',
  role: 'rôle inconnu',
};
const KNOWN: Record<IdKind, string> = {
  competency: 'compétences connues',
  context: 'contextes connus',
  role: 'rôles connus',
};

export const diagnosticsFr: DiagnosticCatalogue = {
  // --- Lecture de l'espace de travail ---------------------------------------------
  'data-folder-unreadable': (p) => ({
    message: fr`impossible de lire le dossier de données : ${reason(p.reason)}`,
    hint: fr`indiquez le dossier avec --data, ou lancez « revue init » pour en créer un`,
  }),
  'framework-missing': () => ({
    message: fr`manquant : tout espace de travail a besoin d’un framework.yaml`,
    hint: fr`lancez « revue init » pour créer un espace de travail, ou indiquez le bon dossier avec --data`,
  }),
  'link-outside-file': () => ({
    message: 'est un lien vers un fichier hors du dossier de données',
    hint: 'copiez le fichier dans le dossier de données au lieu d’y faire un lien',
  }),
  'link-outside-folder': () => ({
    message: 'est un lien vers un dossier hors du dossier de données',
    hint: 'déplacez le dossier de l’année dans le dossier de données',
  }),
  'not-regular-file': () => ({
    message: 'n’est pas un fichier ordinaire (un dossier, un tube, un périphérique ou une socket)',
    hint: 'un fichier de revue est un simple fichier texte',
  }),
  'file-too-large': (p) => ({
    message: fr`est trop gros pour un fichier de revue (${decimal(p.megabytes, 1)} Mo ; la limite est de ${p.limit} Mo)`,
    hint: fr`un fichier de commercial fait d’ordinaire quelques kilo-octets : vérifiez que c’est le bon fichier`,
  }),
  'binary-file': () => ({ message: 'est un fichier binaire, pas du texte YAML' }),
  'not-utf8': () => ({
    message: 'n’est pas du texte UTF-8 valide',
    hint: 'enregistrez le fichier en UTF-8 dans votre éditeur',
  }),
  'file-unreadable': (p) => ({ message: fr`ne peut pas être lu : ${reason(p.reason)}` }),
  'folder-unreadable': (p) => ({ message: fr`impossible de lire le dossier : ${reason(p.reason)}` }),
  'ignored-file': () => ({ message: fr`ignoré : seuls les fichiers .yaml et .yml d’un dossier d’année sont lus` }),
  'not-year-folder': (p) => ({
    message: fr`${quote(p.name)} n’est pas un dossier d’année`,
    hint: 'les dossiers d’année portent quatre chiffres, par exemple 2026',
  }),
  'duplicate-rep-file': (p) => ({
    message: fr`le commercial ${quote(p.rep)} a déjà un fichier en ${p.year} : ${p.other}`,
    hint: 'gardez un seul fichier par commercial et par année',
  }),
  'bad-file-name': (p) => ({
    message: fr`le nom de fichier ${quote(p.stem)} n’est pas un identifiant de commercial valide`,
    hint:
      p.slug === ''
        ? fr`nommez le fichier d’après le commercial, en minuscules avec des tirets : par exemple alice-martin.yaml`
        : fr`nommez le fichier d’après le commercial, en minuscules avec des tirets : ${p.slug}.yaml`,
  }),

  // --- YAML : ce que l'analyseur n'a pas pu lire -------------------------------------
  'yaml-nesting': (p) => ({
    message: fr`imbriqué sur plus de ${p.max} niveaux`,
    hint: fr`un fichier de revue n’a que quelques niveaux : vérifiez ici les crochets et l’indentation`,
  }),
  'yaml-unreadable': (p) => ({ message: fr`le YAML ne peut pas être lu : ${p.detail}` }),
  'yaml-aliases': (p) => ({
    message: fr`le YAML ne peut pas être lu : ${p.detail}`,
    hint: fr`les alias (*nom) sont limités à ${p.max} expansions`,
  }),
  'yaml-tag': (p) => ({
    message: fr`balise non prise en charge : ${p.tag}`,
    hint: fr`revue ne lit que du YAML simple : retirez la balise`,
  }),
  'yaml-syntax': (p) => ({
    message: fr`syntaxe YAML : ${PARSER[p.parserCode] ?? p.detail}`,
    hint: fr`vérifiez cette ligne et celle du dessus : indentation, deux-points, guillemets et crochets`,
  }),
  'yaml-too-many-errors': (p) => ({
    message: fr`et ${p.count} autres erreurs de syntaxe YAML à partir d’ici`,
    hint: fr`est-ce le bon fichier ? Si oui, corrigez les premières erreurs et vérifiez à nouveau`,
  }),
  'empty-file': () => ({
    message: 'le fichier est vide',
    hint: 'un fichier de commercial contient au moins name et role',
  }),

  // --- YAML : les fautes de frappe d'un fichier écrit à la main ---------------------
  'duplicate-key': (p) => ({
    message: fr`clé en double ${quote(p.key)} : elle est déjà définie ligne ${p.firstLine}`,
    hint: fr`gardez une seule des deux lignes « ${p.key}: » ; en attendant, c’est celle-ci, la dernière, qui est lue`,
  }),
  'missing-dash': (p) => ({
    message: fr`${quote(p.key)} apparaît deux fois dans une même entrée de ${quote(p.list)} (ligne ${p.firstLine}, puis ici) : il manque le « - » qui commence une nouvelle entrée`,
    hint: fr`commencez la nouvelle entrée par « - », colonne ${p.column} : « ${p.fix} »`,
  }),
  'tab-indent': (p) => ({
    message:
      p.others === 0
        ? fr`cette ligne est indentée par une tabulation : le YAML n’indente qu’avec des espaces`
        : fr`cette ligne et ${p.others} ${p.others === 1 ? 'autre sont indentées' : 'autres sont indentées'} par des tabulations : le YAML n’indente qu’avec des espaces`,
    hint: fr`indentez avec ${plural(leadingSpaces(p.fix), 'espace', 'espaces')} : ${quote(p.fix)}`,
  }),
  'bad-indent': (p) => ({
    message: fr`mauvaise indentation : cette ligne commence colonne ${p.column}, les lignes voisines colonne ${p.expected}`,
    hint: fr`commencez-la colonne ${p.expected} : ${quote(p.fix)}`,
  }),
  'missing-space': (p) => ({
    message: fr`il manque un espace après le deux-points : le YAML lit ${quote(p.written)} comme un seul texte`,
    hint: fr`écrivez ${p.fix}`,
  }),
  'unclosed-quote': (p) => ({
    message: fr`le guillemet ${p.quote} ouvert ici n’est jamais fermé : la suite du fichier est lue comme son texte`,
    hint: fr`fermez-le : ${p.fix}`,
  }),
  'unclosed-bracket': (p) => ({
    message: fr`le ${quote(p.bracket)} ouvert ici n’est jamais fermé`,
    hint: fr`fermez-le : ${p.fix}`,
  }),

  // --- La forme d'un fichier ------------------------------------------------------------
  'unknown-key': (p) => ({
    message: fr`clé inconnue ${quote(p.key)}${p.where === '' ? '' : fr` dans ${p.where}`}`,
    hint:
      p.under !== undefined
        ? fr`${quote(p.key)} est une compétence : indentez-la sous ${p.under}:, avec les autres notes`
        : (didYouMean(p.suggestion) ?? fr`clés possibles : ${p.known.join(', ')}`),
  }),
  'missing-key': (p) => ({
    message: fr`clé obligatoire manquante : ${quote(p.key)}${p.where === '' ? '' : fr` dans ${p.where}`}`,
  }),
  'wrong-type': (p) => ({
    message:
      p.received === null || p.received === undefined
        ? fr`${at(p.where)}il faut ${EXPECTED[p.expected]}, mais la valeur est vide`
        : fr`${at(p.where)}il faut ${EXPECTED[p.expected]}, pas ${describeFr(p.received)}`,
    hint: emptyList(p)
      ? fr`écrivez ses entrées sur les lignes en dessous, chacune commençant par « - », ou retirez la clé`
      : undefined,
  }),
  'grouped-digits': (p) => ({
    message: fr`${at(p.where)}${quote(p.received)} est écrit avec ses milliers séparés : le YAML le lit comme du texte`,
    hint: fr`écrivez les chiffres seuls : ${p.fix}`,
  }),
  'decimal-comma': (p) => ({
    message: fr`${at(p.where)}${quote(p.received)} est écrit avec une virgule décimale : le YAML le lit comme du texte`,
    hint: fr`utilisez un point : ${p.fix}`,
  }),
  'not-allowed': (p) => ({
    message: fr`${at(p.where)}${describeFr(p.received)} n’est pas une valeur permise`,
    hint: fr`valeurs possibles : ${p.allowed.map(quote).join(', ')}`,
  }),
  'unknown-id': (p) => ({
    message: fr`${at(p.where)}${UNKNOWN[p.what]} ${quote(p.value)}`,
    hint: didYouMean(p.suggestion) ?? fr`${KNOWN[p.what]} : ${p.known.join(', ')}`,
  }),
  'not-slug': (p) => ({
    message: fr`${at(p.where)}${quote(p.value)} n’est pas un identifiant : un identifiant s’écrit en minuscules, comme « new-business » (lettres, chiffres et tirets simples)`,
    hint: p.slug === '' ? undefined : fr`écrivez ${quote(p.slug)}`,
  }),
  'out-of-scale': (p) => ({ message: fr`${at(p.where)}${p.value} est hors de l’échelle ${p.min}–${p.max}` }),
  'off-step': (p) => ({
    message: fr`${at(p.where)}${p.value} n’est pas sur un pas de l’échelle (${p.step})`,
    hint: p.nearest.length === 0 ? undefined : fr`utilisez ${p.nearest.join(' ou ')}`,
  }),
  'invalid-date': (p) => ({
    message: fr`${at(p.where)}${quote(p.value)} n’est pas une date valide`,
    hint:
      p.fix !== undefined
        ? fr`écrivez-la année-mois-jour : ${p.fix}`
        : (dayThatIsNot(p.value, 'fr') ?? 'écrivez les dates AAAA-MM-JJ, par exemple 2026-02-14'),
  }),
  'date-outside-year': (p) => ({
    message: fr`${at(p.where)}${p.value} est hors de ${p.year}, l’année du dossier de ce fichier`,
    hint: fr`corrigez l’année, ou déplacez l’entrée dans le dossier ${p.value.slice(0, 4)}`,
  }),
  'empty-text': (p) => ({ message: fr`${at(p.where)}ne doit pas être vide` }),
  'too-few': (p) => ({
    message: fr`${at(p.where)}il faut au moins ${p.what === 'competency' ? 'une compétence' : 'un rôle'}`,
  }),
  'negative-number': (p) => ({ message: fr`${at(p.where)}ne peut pas être négatif : ${p.value}` }),
  'not-positive': (p) => ({ message: fr`${at(p.where)}doit être supérieur à 0 : ${p.value}` }),
  'invalid-currency': (p) => ({
    message: fr`${at(p.where)}${quote(p.value)} n’est pas un code de devise`,
    hint: 'écrivez son code ISO 4217 en majuscules, comme EUR, USD ou GBP',
  }),
  'invalid-colour': (p) => ({
    message: fr`${at(p.where)}${quote(p.value)} n’est pas une couleur`,
    hint: fr`écrivez-la ${'"#rrggbb"'}, guillemets compris, comme ${'"#0b5cad"'}`,
  }),
  'invalid-level-key': (p) => ({
    message: fr`${at(p.where)}${quote(p.key)} n’est pas un niveau : les niveaux sont les nombres entiers de l’échelle`,
  }),
  'logo-not-found': (p) => ({
    message: fr`le logo ${quote(p.logo)} n’est pas un fichier à côté de framework.yaml`,
    hint: didYouMean(p.suggestion) ?? 'placez l’image dans le même dossier que framework.yaml',
  }),
  invalid: (p) => ({ message: fr`${at(p.where)}${p.detail}` }),

  // --- Ce qui lie les parties du référentiel ----------------------------------------------
  'scale-max-not-above-min': (p) => ({
    message: fr`le max de l’échelle (${p.max}) doit être supérieur à son min (${p.min})`,
  }),
  'step-not-leading': (p) => ({ message: fr`le pas ${p.step} ne mène pas de ${p.min} à ${p.max}` }),
  'level-outside-scale': (p) => ({ message: fr`le niveau ${p.level} est hors de l’échelle ${p.min}–${p.max}` }),
  'duplicate-id': (p) => ({
    message: fr`identifiant en double ${quote(p.id)} dans ${p.list}`,
    hint: 'chaque identifiant désigne une seule entrée',
  }),
  'unknown-expected-competency': (p) => ({
    message: fr`compétence inconnue ${quote(p.key)} dans les niveaux attendus du rôle ${quote(p.role)}`,
    hint: didYouMean(p.suggestion) ?? fr`compétences connues : ${p.known.join(', ')}, ou default`,
  }),
  'expected-out-of-scale': (p) => ({
    message: fr`le niveau attendu ${p.value} est hors de l’échelle ${p.min}–${p.max}`,
  }),
  'expected-off-step': (p) => ({
    message: fr`le niveau attendu ${p.value} n’est pas sur un pas de l’échelle (${p.step})`,
  }),

  // --- Ce qui lie les parties d'un fichier de commercial ----------------------------------
  'duplicate-goal': (p) => ({
    message: fr`un objectif pour ${quote(p.competency)} est déjà fixé en goals[${p.first}]`,
    hint: 'gardez un seul objectif par compétence',
  }),

  // --- Avertissements ---------------------------------------------------------------------
  'before-since': (p) => ({
    message: fr`${p.date} est avant « since » (${p.since}) : cette observation ne compte pas dans l’intervalle de coaching`,
  }),
  'never-coached': (p) => ({
    message:
      p.notBegun === undefined
        ? fr`aucune observation en ${p.year} : ce commercial n’a pas été coaché cette année`
        : fr`aucune observation en ${p.year} pour l’instant : l’année n’a pas commencé (au ${p.notBegun})`,
  }),
  'never-observed': (p) => ({
    message: fr`${p.labels.length === 1 ? 'jamais observée' : 'jamais observées'} en ${p.year} : ${p.labels.join(', ')}`,
  }),
  'after-build-date': (p) => ({
    message: fr`${p.date} est après la date du calcul, le ${p.asOf} : une observation rend compte d’une séance qui a eu lieu`,
    hint: fr`vérifiez la date (ou, pour calculer à une date plus tardive, utilisez --as-of)`,
  }),
  'note-not-scored': (p) => ({
    message: fr`un commentaire sur ${quote(p.competency)}, que cette séance n’a pas notée`,
    hint: fr`ajoutez son score sous « scores: » (${p.competency}: …), ou déplacez le commentaire sous « improvements: »`,
  }),

  // --- Fichiers hostiles (issue 13) ---------------------------------------------------------
  'yaml-alias-expansion': (p) => ({
    message: fr`cet alias fait dépasser au fichier ${p.max} valeurs une fois les alias développés`,
    hint: fr`écrivez la partie répétée là où elle sert, ou réutilisez-en une plus petite`,
  }),
  'team-id-collision': (p) => ({
    message: fr`l’équipe ${quote(p.team)} aurait le même fichier de rapport que l’équipe ${quote(p.other)} (${p.otherPlace}) : ${p.file}`,
    hint: fr`écrivez les deux noms de la même façon s’il s’agit d’une seule équipe ; sinon, faites-les différer par des lettres ou des chiffres`,
  }),
  'too-many-diagnostics': (p) => ({
    message:
      p.count === 1
        ? fr`et 1 autre problème dans ce fichier à partir d’ici`
        : fr`et ${p.count} autres problèmes dans ce fichier à partir d’ici`,
    hint: fr`est-ce le bon fichier ? Si oui, corrigez les premiers problèmes et vérifiez à nouveau`,
  }),
  'control-character': (p) => ({
    message: fr`${at(p.where)}le caractère de contrôle ${p.character} n’est pas permis dans un nom ou un libellé`,
    hint: fr`retirez-le : il est invisible dans le fichier, et un terminal l’interpréterait (seules les tabulations et les fins de ligne sont permises)`,
  }),
  'file-name-too-long': (p) => ({
    message: fr`le nom du fichier a ${p.length} caractères : un identifiant de commercial en a au plus ${p.max}`,
    hint: fr`nommez le fichier d’après le commercial, par exemple alice-martin.yaml`,
  }),
  // --- fin des fichiers hostiles (issue 13) -------------------------------------------------
};

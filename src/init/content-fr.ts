/** The French example workspace that `revue init --locale fr` writes. */
import type { WorkspaceContent } from './content.js';

export function frenchWorkspace(year: number): WorkspaceContent {
  return {
    framework: `# yaml-language-server: $schema=../schema/framework.schema.json
# Le référentiel de compétences de votre force de vente : les compétences que
# vous coachez, ce que chaque niveau veut dire sur le terrain, et le niveau
# attendu pour chaque fonction. Les rapports suivent l'ordre écrit ici.
organisation: Votre entreprise
locale: fr                 # fr | en : la langue des rapports
currency: EUR              # la devise des résultats (code ISO 4217)
scale:
  min: 1
  max: 4
  step: 0.5                # un score vaut 1, 1,5, 2 … 4
  labels:
    1: Débutant
    2: En progrès
    3: Maîtrisé
    4: Expert
competencies:
  - id: prospecting
    label: Prospection
    description: Identifier, qualifier et ouvrir de nouveaux comptes
    levels:
      1: Appelle une liste sans préparation, abandonne au premier refus
      2: Prépare une accroche, mais la même pour tous les prospects
      3: Qualifie avant d'appeler et adapte l'accroche au métier du prospect
      4: Alimente un portefeuille régulier par recommandations, salons et ciblage
  - id: discovery
    label: Découverte des besoins
    description: Comprendre la situation du client, ses enjeux et ses critères d'achat avant de proposer
    levels:
      1: Enchaîne sur sa présentation sans questionner
      2: Pose des questions fermées, reformule rarement
      3: Questions ouvertes, reformule le besoin avant d'argumenter
      4: Fait émerger des besoins que le client n'avait pas formulés
  - id: presentation
    label: Présentation de l'offre
    description: Relier chaque produit ou service aux besoins découverts, preuves à l'appui
    levels:
      1: Récite le catalogue, parle caractéristiques techniques
      2: Présente les avantages, mais sans lien avec le besoin exprimé
      3: Argumente à partir du besoin reformulé, avec des preuves (essais, références)
      4: Construit la solution avec le client, chiffre le gain pour lui
  - id: objection-handling
    label: Traitement des objections
    description: Accueillir, creuser et répondre aux objections sans se justifier
    levels:
      1: Se justifie ou contredit le client
      2: Répond sur le fond mais sans creuser la vraie raison
      3: Fait préciser l'objection, la reformule, puis répond avec une preuve
      4: Anticipe les objections et les traite avant qu'elles ne soient posées
  - id: negotiation
    label: Négociation
    description: Défendre le prix et les marges, échanger toute concession contre une contrepartie
    levels:
      1: Cède une remise dès la première demande
      2: Négocie, mais concède sans contrepartie
      3: Prépare ses marges de manœuvre et obtient une contrepartie à chaque concession
      4: Déplace la discussion du prix vers la valeur et le coût total d'usage
  - id: closing
    label: Conclusion
    description: Obtenir un engagement clair et daté à la fin de chaque entretien
    levels:
      1: Quitte le rendez-vous sans étape suivante
      2: Propose une suite, mais vague et sans date
      3: Demande l'engagement et fixe la prochaine étape avec une date
      4: Conclut au bon moment et verrouille la commande ou la signature
  - id: account-management
    label: Développement des comptes
    description: Piloter les comptes existants, couvrir tous les interlocuteurs et développer le chiffre d'affaires
    levels:
      1: Attend que le client rappelle
      2: Visite régulièrement, mais sans plan de compte
      3: Tient un plan de compte à jour et connaît tous les décideurs
      4: Développe le compte d'année en année avec un plan partagé avec le client
contexts:                  # les situations de vente observées
  - id: new-business
    label: Nouveau client
  - id: key-account
    label: Compte clé
  - id: renewal
    label: Renouvellement
  - id: phone
    label: Rendez-vous téléphonique
report:
  accent: "#0b5cad"        # la couleur des rapports
  # paper: A4              # A4 | Letter (par défaut : A4 en français, Letter en anglais)
  # logo: logo.png         # une image (png ou svg) posée à côté de ce fichier, sur chaque rapport
roles:                     # le niveau attendu : la référence du diagnostic
  - id: junior
    label: Commercial junior
    expected: 2
  - id: confirmed
    label: Commercial confirmé
    expected:
      default: 3
      negotiation: 3.5
  - id: senior
    label: Ingénieur commercial senior
    expected:
      default: 3.5
      negotiation: 4
      account-management: 4
`,
    rep: {
      id: 'camille-durand',
      text: `# yaml-language-server: $schema=../../schema/rep.schema.json
# Un fichier par commercial et par année, au nom du commercial (ici camille-durand, ${year}).
# Ajoutez une observation après chaque séance de coaching : accompagnement
# terrain, écoute d'appel, jeu de rôle. Ne notez que ce que vous avez observé.
name: Camille Durand
role: junior
team: Équipe Nord
manager: Jeanne Roux
goals:                     # le cap fixé en début d'année
  - competency: discovery
    target: 2.5
    note: Poser au moins cinq questions ouvertes avant de parler produit
  - competency: negotiation
    target: 2.5
    note: Ne plus accorder de remise sans contrepartie
results:
  target: 500000
  achieved: 540000
assessments:
  - date: ${year}-01-20
    kind: Accompagnement terrain
    context: new-business
    scores:
      prospecting: 2
      discovery: 1.5
      presentation: 2
    strengths: Rendez-vous bien préparé, fiche société et actualités du prospect en tête.
    improvements: Le catalogue était ouvert dès la deuxième minute ; le client n'a jamais pu expliquer ses arrêts de ligne.
    notes:                 # ce qui a été vu d'une compétence, à côté de son score
      discovery: Deux questions fermées, puis le catalogue ; les arrêts de ligne n'ont jamais été abordés.
    actions:
      - Écrire cinq questions ouvertes avant chaque premier rendez-vous
  - date: ${year}-03-12
    kind: Écoute d'appel
    context: phone
    scores:
      prospecting: 2.5
      discovery: 2
      objection-handling: 1.5
    strengths: Accroche personnalisée selon le secteur, le prospect reste en ligne.
    improvements: Sur « envoyez-moi une documentation », Camille a accepté et raccroché sans chercher à comprendre.
    notes:
      objection-handling: Sur « envoyez-moi une documentation », a dit oui tout de suite au lieu de demander ce que le prospect voulait y trouver.
    actions:
      - Répondre à la demande de documentation par une question sur l'usage actuel
  - date: ${year}-05-06
    kind: Jeu de rôle
    context: renewal
    scores:
      objection-handling: 2
      negotiation: 1.5
      closing: 2
    strengths: Fait maintenant préciser l'objection prix (« plus cher que quoi, exactement ? »).
    improvements: Cède sur le délai de paiement quand l'acheteur insiste une troisième fois.
    notes:
      negotiation: Tient le prix deux fois, puis accorde 60 jours de paiement à la troisième insistance, sans rien demander en échange.
    actions:
      - Lister avant chaque renouvellement ce qu'on peut donner et ce qu'on demande en échange
  - date: ${year}-06-17
    kind: Accompagnement terrain
    context: key-account
    scores:
      discovery: 2.5
      account-management: 2
    strengths: |
      Excellente reformulation des contraintes de l'atelier peinture.
      Le responsable sécurité a validé chaque point.
    improvements: Le plan de compte n'est pas à jour, on ne sait pas qui remplace le directeur d'usine.
    actions:
      - Mettre à jour l'organigramme du compte dans le CRM avant fin juin
  - date: ${year}-09-23
    kind: Accompagnement terrain
    context: new-business
    scores:
      discovery: 2.5
      negotiation: 2
      closing: 2.5
    strengths: Rendez-vous conclu par une étape datée, confirmée par courriel par l'acheteur.
    improvements: Une remise de 3 % a été proposée avant même que l'acheteur la demande.
    notes:
      negotiation: Remise de 3 % proposée avant toute demande ; la première concession est venue de Camille.
      closing: Étape suivante datée, confirmée le jour même par courriel par l'acheteur.
    actions:
      - Annoncer le prix, puis se taire
  - date: ${year}-11-18
    kind: Revue de compte
    context: key-account
    scores:
      objection-handling: 2
      negotiation: 1.5
      account-management: 2.5
    strengths: Plan de compte clair, trois nouveaux interlocuteurs rencontrés depuis juin.
    improvements: |
      Sur « votre concurrent est moins cher », Camille a justifié le prix au lieu de faire préciser l'objection.
      Les conditions tarifaires accordées il y a deux ans n'ont jamais été remises sur la table.
    notes:
      objection-handling: Sur « votre concurrent est moins cher », a justifié le prix au lieu de demander ce qui était comparé.
      negotiation: Les conditions tarifaires accordées il y a deux ans n'ont pas été remises sur la table.
    actions:
      - Préparer avec Jeanne la révision tarifaire du compte avant la fin de l'année
review:
  manager: |
    La découverte est le progrès le plus net de Camille cette année : les questions viennent maintenant avant le catalogue.
    Le cap pour l'an prochain est la négociation : chaque concession doit être échangée contre une contrepartie.
  rep: |
    Je suis fière de mes progrès en découverte. La négociation reste ce qui me met le moins à l'aise ;
    je souhaite plus de jeux de rôle avec Jeanne.
`,
    },
  };
}

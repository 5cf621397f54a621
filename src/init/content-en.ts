/** The English example workspace that `revue init --locale en` writes. */
import type { WorkspaceContent } from './content.js';

export function englishWorkspace(year: number): WorkspaceContent {
  return {
    framework: `# yaml-language-server: $schema=../schema/framework.schema.json
# The competency framework of your sales team: the competencies you coach,
# what each level looks like in the field, and the level each role expects.
# Every report follows the order of the competencies written here.
organisation: Your Company
locale: en                 # en | fr: the language of the reports
currency: USD              # the currency of the results (ISO 4217)
scale:
  min: 1
  max: 4
  step: 0.5                # a score may be 1, 1.5, 2 … 4
  labels:
    1: Beginner
    2: Developing
    3: Proficient
    4: Expert
competencies:
  - id: prospecting
    label: Prospecting
    description: Find, qualify and open new accounts
    levels:
      1: Calls from a list without preparation, gives up at the first no
      2: Prepares a pitch, but the same one for every prospect
      3: Qualifies before calling and tailors the opening to the prospect's business
      4: Builds a steady pipeline from referrals, events and targeted outreach
  - id: discovery
    label: Discovery
    description: Understand the customer's situation, stakes and buying criteria before proposing
    levels:
      1: Pitches the product without asking questions
      2: Asks closed questions, rarely rephrases
      3: Asks open questions and rephrases the need before arguing
      4: Surfaces needs the customer had not voiced
  - id: presentation
    label: Presentation
    description: Tie every product or service to the needs discovered, with proof
    levels:
      1: Recites the catalogue and its technical features
      2: Presents benefits, but without linking them to the need
      3: Argues from the rephrased need, with proof (trials, references)
      4: Builds the solution with the customer and puts a figure on the gain
  - id: objection-handling
    label: Objection handling
    description: Welcome, explore and answer objections without getting defensive
    levels:
      1: Justifies themselves or contradicts the customer
      2: Answers the objection but does not look for the real reason
      3: Has the objection made precise, rephrases it, then answers with proof
      4: Anticipates objections and handles them before they are raised
  - id: negotiation
    label: Negotiation
    description: Hold price and margin, trade every concession for something in return
    levels:
      1: Grants a discount at the first request
      2: Negotiates, but concedes without getting anything back
      3: Prepares their room for manoeuvre and gets something for every concession
      4: Moves the talk from price to value and total cost of ownership
  - id: closing
    label: Closing
    description: Get a clear, dated commitment at the end of every meeting
    levels:
      1: Leaves the meeting without a next step
      2: Suggests a follow-up, but vague and undated
      3: Asks for the commitment and sets the next step with a date
      4: Closes at the right moment and secures the order or signature
  - id: account-management
    label: Account management
    description: Run existing accounts, cover every contact and grow revenue
    levels:
      1: Waits for the customer to call back
      2: Visits regularly, but with no account plan
      3: Keeps an up-to-date account plan and knows every decision maker
      4: Grows the account year after year with a shared plan
contexts:                  # the sales situations in which you observe
  - id: new-business
    label: New business
  - id: key-account
    label: Key account
  - id: renewal
    label: Renewal
  - id: phone
    label: Phone call
report:
  accent: "#0b5cad"        # the reports' accent colour
  # paper: Letter          # A4 | Letter (default: Letter in English, A4 in French)
  # logo: logo.png         # an image (png or svg) beside this file, on every report
roles:                     # the expected level: the baseline of the diagnosis
  - id: junior
    label: Junior sales rep
    expected: 2
  - id: confirmed
    label: Sales rep
    expected:
      default: 3
      negotiation: 3.5
  - id: senior
    label: Senior account executive
    expected:
      default: 3.5
      negotiation: 4
      account-management: 4
`,
    rep: {
      id: 'sam-taylor',
      text: `# yaml-language-server: $schema=../../schema/rep.schema.json
# One file per rep per year, named after the rep (this is sam-taylor's ${year}).
# Add an assessment after every coaching session: a field visit, a call
# review, a role play. Score only what you observed.
name: Sam Taylor
role: junior
team: North
manager: Jordan Lee
goals:                     # the course set at the start of the year
  - competency: discovery
    target: 2.5
    note: Ask at least five open questions before talking about the product
  - competency: negotiation
    target: 2.5
    note: No discount without something in return
results:
  target: 500000
  achieved: 540000
assessments:
  - date: ${year}-01-20
    kind: Field visit
    context: new-business
    scores:
      prospecting: 2
      discovery: 1.5
      presentation: 2
    strengths: Well prepared, knew the prospect's plants and recent news.
    improvements: Opened the brochure in the second minute; the customer never explained their downtime problem.
    notes:                 # what was seen of one competency, beside its score
      discovery: Two closed questions, then the brochure; the downtime problem never came up.
    actions:
      - Write five open questions before every first meeting
  - date: ${year}-03-12
    kind: Call review
    context: phone
    scores:
      prospecting: 2.5
      discovery: 2
      objection-handling: 1.5
    strengths: A tailored opening; the prospect stayed on the line.
    improvements: On "send me a brochure", Sam agreed and hung up without asking why.
    notes:
      objection-handling: On "send me a brochure", agreed at once instead of asking what they wanted to find in it.
    actions:
      - Answer a brochure request with a question about current use
  - date: ${year}-05-06
    kind: Role play
    context: renewal
    scores:
      objection-handling: 2
      negotiation: 1.5
      closing: 2
    strengths: Now asks "more expensive than what, exactly?" on the price objection.
    improvements: Gave in on payment terms the third time the buyer insisted.
    notes:
      negotiation: Held the price twice, then gave 60-day payment terms on the third push, with nothing in return.
    actions:
      - Before every renewal, list what you can give and what you ask in return
  - date: ${year}-06-17
    kind: Field visit
    context: key-account
    scores:
      discovery: 2.5
      account-management: 2
    strengths: |
      Excellent rephrasing of the paint shop's constraints.
      The safety manager agreed with every point.
    improvements: The account plan is out of date; nobody knows who replaced the plant manager.
    actions:
      - Update the account's organisation chart in the CRM by the end of June
  - date: ${year}-09-23
    kind: Field visit
    context: new-business
    scores:
      discovery: 2.5
      negotiation: 2
      closing: 2.5
    strengths: Meeting ended with a dated next step and the buyer's agreement by email.
    improvements: A 3% discount was offered before the buyer even asked.
    notes:
      negotiation: Offered 3% before the buyer asked; the first concession came from Sam.
      closing: Dated next step agreed, and confirmed by the buyer by email the same day.
    actions:
      - State the price, then stay silent
  - date: ${year}-11-18
    kind: Account review
    context: key-account
    scores:
      objection-handling: 2
      negotiation: 1.5
      account-management: 2.5
    strengths: Clear account plan, three new contacts met since June.
    improvements: |
      On "your competitor is cheaper", Sam defended the price instead of asking what exactly was compared.
      The price conditions granted two years ago were never put back on the table.
    notes:
      objection-handling: On "your competitor is cheaper", defended the price instead of asking what exactly was compared.
      negotiation: The price conditions granted two years ago were never put back on the table.
    actions:
      - Prepare the price review of the account with Jordan before the end of the year
review:
  manager: |
    Sam's discovery made the clearest progress this year: the questions come before the brochure now.
    The course for next year is negotiation: every concession must be traded for something in return.
  rep: |
    I am proud of my discovery work. Negotiation is where I feel least at ease;
    I would like more role plays with Jordan.
`,
    },
  };
}

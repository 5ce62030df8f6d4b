// Modèles: every blank input workbook; the suivi-mensuel one comes pre-filled with the département's indicators.
import { el, fill, apiQuery, startPage, table } from './common.js';

const main = document.getElementById('contenu');
const context = await startPage('/modeles');
if (context) {
  const rows = context.types.map((t) => [
    t.label,
    t.kind === 'suivi-mensuel'
      ? `Pré-rempli pour le département ${context.departement} : une ligne par indicateur et par mois de ${context.annee}, avec la cible.`
      : `Vierge, pour ${context.annee} et les années du contrat.`,
    el('a', { href: `/api/portal/templates/${encodeURIComponent(t.kind)}?` + apiQuery(context), download: true, id: `modele-${t.kind}` }, `Télécharger le modèle « ${t.label} »`),
  ]);
  fill(main,
    el('h1', {}, `Modèles de classeurs – ${context.nom} (${context.departement})`),
    el('p', { className: 'chapeau' }, 'Remplissez un modèle dans Excel puis déposez-le : ses en-têtes sont ceux que l\u2019import reconnaît.'),
    table(`Modèles ${context.annee}`, ['Classeur', 'Contenu', 'Téléchargement'], rows));
}

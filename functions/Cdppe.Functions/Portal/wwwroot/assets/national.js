// National (State role): every département with its drops, completeness and key figures of a year; national
// totals of budgets and of count indicators; each département opens on its own Accueil.
import { el, fill, fr, alertBox, apiJson, startPage, table, pageLink } from './common.js';
import { campaignsSection } from './national-campagnes.js';

const main = document.getElementById('contenu');
const context = await startPage('/national', { departement: false });
if (context) {
  try {
    const n = await apiJson('national?annee=' + encodeURIComponent(context.annee));
    const b = n.budget;
    const card = (title, value, note) => el('div', { className: 'carte' }, el('h3', {}, title), el('p', { className: 'chiffre' }, value), note ? el('p', { className: 'discret' }, note) : null);
    const rows = n.departements.map((d) => {
      const s = d.figures.indicatorsByStatus;
      return [
        el('a', { href: pageLink('/', { departement: d.departement, annee: n.year }) }, `${d.departement} – ${d.name}`),
        `${fr.number(d.drops)} (${fr.number(d.accepted)} importés, ${fr.number(d.rejected)} refusés)`,
        fr.dateTime(d.lastDrop),
        `${d.kindsPresent}/${d.kindsRequired} (${fr.percent(d.completeness, 0)})`,
        d.missingKinds.map((k) => k.label).join(', '),
        fr.euros(d.figures.budget),
        fr.euros(d.figures.consumed),
        fr.percent(d.figures.rate),
        `${fr.number(s['atteint'] || 0)} atteints, ${fr.number(s['en bonne voie'] || 0)} en bonne voie, ${fr.number(s['en retard'] || 0)} en retard`,
      ];
    });
    fill(main,
      el('h1', {}, `Suivi national ${n.year}`),
      el('p', { className: 'chapeau' }, 'Tous les départements : dépôts, complétude du rapport de l\u2019année, chiffres clés. Cliquez sur un département pour voir son accueil.'),
      el('h2', {}, 'Totaux nationaux'),
      el('div', { className: 'cartes' },
        card('Budget global', fr.euros(b.budgetGlobal), `${fr.number(n.departements.length)} département${n.departements.length > 1 ? 's' : ''}`),
        card('Part des départements', fr.euros(b.departement)),
        card('Part de l\u2019État', fr.euros(b.etat), `dont FIR ${fr.euros(b.fir)}, ONDAM ${fr.euros(b.ondam)}`),
        card('Consommé', fr.euros(b.consumedCumulative), b.rate === null ? null : `${fr.percent(b.rate)} du budget`)),
      el('h2', {}, 'Départements'),
      n.departements.length === 0 ? alertBox('', el('p', {}, 'Aucun département n\u2019a encore déposé de fichier.'))
        : table(`Départements en ${n.year}`, ['Département', 'Dépôts', 'Dernier dépôt', 'Complétude', 'Classeurs manquants', 'Budget', 'Consommé', 'Taux', 'Indicateurs'], rows, { numeric: [5, 6, 7] }),
      el('h2', {}, 'Indicateurs de volume, total national'),
      n.counts.length === 0 ? el('p', {}, 'Aucune valeur d\u2019indicateur de volume pour cette année.')
        : table(`Indicateurs de volume ${n.year}`, ['Code', 'Indicateur', 'Total national', 'Départements'], n.counts.map((c) => [c.code, c.label, fr.count(c.total), fr.number(c.departements)]), { numeric: [2, 3] }));
  } catch (error) {
    fill(main, el('h1', {}, 'Suivi national'), alertBox('erreur', el('p', {}, error.message)));
  }
  main.append(await campaignsSection(context.annee));
}

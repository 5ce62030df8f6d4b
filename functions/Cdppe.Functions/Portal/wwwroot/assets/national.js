// National (State role): every département with its drops, completeness and key figures of a year; charts comparing
// the départements (budget consumed, indicators by status, completeness) and the year with the one before; filters;
// national totals of budgets and of count indicators; each département opens on its own Accueil, the year kept.
import { el, fill, fr, alertBox, apiJson, download, startPage, table, pageLink } from './common.js';
import { campaignsSection } from './national-campagnes.js';

const main = document.getElementById('contenu');
const charts = [];
const statuses = [['atteint', '#18753c'], ['en bonne voie', '#000091'], ['en retard', '#ce0500'], ['non renseigné', '#666666'], ['sans cible', '#a0a0a0']];

/** A bar chart with its accessible name; its figures are in the table of the page. The page works without Chart.js. */
function barChart(id, label, labels, datasets, { percent = false, stacked = false, horizontal = true } = {}) {
  const canvas = el('canvas', { id, role: 'img', 'aria-label': `${label} ; les valeurs sont dans le tableau des départements.` });
  // Taller as there are more départements, so that each bar keeps its label (sizes in the stylesheet).
  const size = !horizontal || labels.length <= 10 ? '' : labels.length <= 30 ? ' graphique-moyen' : ' graphique-grand';
  const holder = el('div', { className: 'graphique' + size }, canvas);
  const format = (v) => (percent ? fr.number(v, 0) + '\u00a0%' : fr.number(v));
  if (window.Chart) {
    charts.push(new window.Chart(canvas, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        animation: false, maintainAspectRatio: false, locale: 'fr-FR', indexAxis: horizontal ? 'y' : 'x',
        scales: { x: { stacked, beginAtZero: true, ticks: horizontal ? { callback: format } : {} }, y: { stacked, beginAtZero: true, ticks: horizontal ? {} : { callback: format } } },
        plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label} : ${percent ? fr.number(c.raw, 1) + '\u00a0%' : fr.number(c.raw)}` } } },
      },
    }));
  }
  return holder;
}

function asOf(lines) {
  const months = [...new Set(lines.map((d) => d.latestMonth).filter(Boolean))];
  return months.length === 0 ? 'aucune valeur mensuelle' : months.length === 1 ? `valeurs jusqu\u2019à ${months[0]}` : `valeurs jusqu\u2019au mois indiqué pour chaque département (${months.join(', ')})`;
}

function draw(n, previous, shown, holder) {
  for (const c of charts.splice(0)) c.destroy();
  const labels = shown.map((d) => `${d.departement} ${d.name}`);
  const rows = shown.map((d) => {
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
      d.latestMonth || 'aucune valeur mensuelle',
    ];
  });
  const years = previous ? [previous, n] : [n];
  fill(holder,
    el('h2', {}, 'Comparaison des départements'),
    el('p', { className: 'discret', id: 'mois-figures' }, `Budget et consommé : rapport financier ${n.year} (exercice). Indicateurs : ${asOf(shown)}.`),
    shown.length === 0 ? el('p', {}, 'Aucun département ne correspond aux filtres.') : [
      el('h3', {}, `Budget consommé en ${n.year}`),
      barChart('graphique-budget', `Budget et consommé ${n.year} par département`, labels, [
        { label: 'Budget', data: shown.map((d) => d.figures.budget), backgroundColor: '#b1b1ff' },
        { label: 'Consommé', data: shown.map((d) => d.figures.consumed), backgroundColor: '#000091' }]),
      el('h3', {}, `Indicateurs par statut (${asOf(shown)})`),
      barChart('graphique-statuts', `Indicateurs par statut et par département, ${asOf(shown)}`, labels,
        statuses.map(([status, color]) => ({ label: status, data: shown.map((d) => d.figures.indicatorsByStatus[status] || 0), backgroundColor: color })), { stacked: true }),
      el('h3', {}, `Complétude du rapport ${n.year}`),
      barChart('graphique-completude', `Part des classeurs du rapport ${n.year} déposés, par département`, labels,
        [{ label: 'Classeurs déposés', data: shown.map((d) => d.completeness * 100), backgroundColor: '#000091' }], { percent: true }),
    ],
    el('h2', {}, 'Comparaison des années'),
    el('p', { className: 'discret' }, previous ? `Totaux nationaux ${previous.year} et ${n.year} (rapports financiers de chaque exercice ; complétude moyenne des départements).` : `Aucune donnée pour ${n.year - 1} : rien à comparer.`),
    previous ? barChart('graphique-annees', `Budget et consommé nationaux, ${previous.year} et ${n.year}`, years.map((y) => String(y.year)), [
      { label: 'Budget', data: years.map((y) => y.budget.budgetGlobal), backgroundColor: '#b1b1ff' },
      { label: 'Consommé', data: years.map((y) => y.budget.consumedCumulative), backgroundColor: '#000091' }], { horizontal: false }) : null,
    previous ? table(`Totaux nationaux par année`, ['Année', 'Départements', 'Budget', 'Consommé', 'Taux', 'Complétude moyenne'], years.map((y) => [
      String(y.year), fr.number(y.departements.length), fr.euros(y.budget.budgetGlobal), fr.euros(y.budget.consumedCumulative), fr.percent(y.budget.rate),
      fr.percent(y.departements.length ? y.departements.reduce((t, d) => t + d.completeness, 0) / y.departements.length : null, 0)]), { numeric: [1, 2, 3, 4, 5] }) : null,
    el('h2', {}, 'Départements'),
    table(`Départements en ${n.year}`, ['Département', 'Dépôts', 'Dernier dépôt', 'Complétude', 'Classeurs manquants', 'Budget', 'Consommé', 'Taux', 'Indicateurs', 'Valeurs jusqu\u2019à'], rows, { numeric: [5, 6, 7] }));
}

function filters(n, previous, holder) {
  const search = el('input', { id: 'filtre-departement', type: 'search', autocomplete: 'off' });
  const completeness = el('select', { id: 'filtre-completude' },
    el('option', { value: '' }, 'Tous'), el('option', { value: 'incomplet' }, 'Rapport incomplet'), el('option', { value: 'complet' }, 'Rapport complet'));
  const late = el('select', { id: 'filtre-retard' },
    el('option', { value: '' }, 'Tous'), el('option', { value: 'retard' }, 'Avec des indicateurs en retard'));
  const count = el('p', { role: 'status', className: 'discret', id: 'nombre-departements' });
  const apply = () => {
    const text = search.value.trim().toLowerCase();
    const shown = n.departements.filter((d) => (!text || `${d.departement} ${d.name}`.toLowerCase().includes(text))
      && (!completeness.value || (completeness.value === 'complet') === (d.completeness >= 1))
      && (!late.value || (d.figures.indicatorsByStatus['en retard'] || 0) > 0));
    count.textContent = `${fr.number(shown.length)} département${shown.length > 1 ? 's' : ''} affiché${shown.length > 1 ? 's' : ''} sur ${fr.number(n.departements.length)}.`;
    draw(n, previous, shown, holder);
  };
  search.addEventListener('input', apply);
  completeness.addEventListener('change', apply);
  late.addEventListener('change', apply);
  apply();
  return el('div', {},
    el('div', { className: 'filtres' },
      el('div', { className: 'champ' }, el('label', { for: 'filtre-departement' }, 'Département (code ou nom)'), search),
      el('div', { className: 'champ' }, el('label', { for: 'filtre-completude' }, 'Complétude'), completeness),
      el('div', { className: 'champ' }, el('label', { for: 'filtre-retard' }, 'Indicateurs'), late)),
    count);
}

const context = await startPage('/national', { departement: false });
if (context) {
  try {
    const year = Number(context.annee);
    const [n, previous] = await Promise.all([
      apiJson('national?annee=' + encodeURIComponent(year)),
      apiJson('national?annee=' + encodeURIComponent(year - 1)).then((p) => (p.departements.some((d) => d.figures.budget > 0 || d.kindsPresent > 0) ? p : null), () => null),
    ]);
    const b = n.budget;
    const card = (title, value, note) => el('div', { className: 'carte' }, el('h3', {}, title), el('p', { className: 'chiffre' }, value), note ? el('p', { className: 'discret' }, note) : null);
    const holder = el('div', { id: 'comparaisons' });
    // The State's national workbook: the same figures, a row per département and every indicator in a filtered table.
    const message = el('div', { 'aria-live': 'polite' });
    const workbook = el('button', { type: 'button', id: 'classeur-national', className: 'bouton secondaire' }, `Classeur national ${n.year} (.xlsx)`);
    workbook.addEventListener('click', async () => {
      workbook.disabled = true;
      try {
        fill(message, alertBox('succes', el('p', {}, `Téléchargé : ${await download('national/classeur?annee=' + encodeURIComponent(year), `cdppe-national-${year}.xlsx`)}.`)));
      } catch (error) {
        fill(message, alertBox('erreur', el('p', {}, error.message)));
      } finally {
        workbook.disabled = false;
      }
    });
    fill(main,
      el('h1', {}, `Suivi national ${n.year}`),
      el('p', { className: 'chapeau' }, 'Tous les départements : dépôts, complétude du rapport de l\u2019année, chiffres clés. Cliquez sur un département pour voir son accueil.'),
      el('div', { className: 'actions' }, workbook, el('span', { className: 'discret' }, ' : une ligne par département (budget, consommé, indicateurs par statut) et tous les indicateurs dans un tableau filtrable.')),
      message,
      el('h2', {}, 'Totaux nationaux'),
      el('div', { className: 'cartes' },
        card('Budget global', fr.euros(b.budgetGlobal), `${fr.number(n.departements.length)} département${n.departements.length > 1 ? 's' : ''} · exercice ${n.year}`),
        card('Part des départements', fr.euros(b.departement), `exercice ${n.year}`),
        card('Part de l\u2019État', fr.euros(b.etat), `dont FIR ${fr.euros(b.fir)}, ONDAM ${fr.euros(b.ondam)}`),
        card('Consommé', fr.euros(b.consumedCumulative), b.rate === null ? `exercice ${n.year}` : `${fr.percent(b.rate)} du budget · exercice ${n.year}`)),
      n.departements.length === 0 ? alertBox('', el('p', {}, 'Aucun département n\u2019a encore déposé de fichier.')) : [filters(n, previous, holder), holder],
      el('h2', {}, `Indicateurs de volume, total national (${asOf(n.departements)})`),
      n.counts.length === 0 ? el('p', {}, 'Aucune valeur d\u2019indicateur de volume pour cette année.')
        : table(`Indicateurs de volume ${n.year}`, ['Code', 'Indicateur', 'Total national', 'Départements', 'Mois des valeurs additionnées'], n.counts.map((c) => [c.code, c.label, fr.count(c.total), fr.number(c.departements), c.mixedMonths ? `mois différents : ${c.months}` : c.months]), { numeric: [2, 3] }));
  } catch (error) {
    fill(main, el('h1', {}, 'Suivi national'), alertBox('erreur', el('p', {}, error.message)));
  }
  main.append(await campaignsSection(context.annee));
}

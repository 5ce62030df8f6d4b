// Rapport: generate and download the rapport d'exécution of a year; the Word template in force, its download,
// and its replacement (refused with the list of its errors).
import { el, fill, alertBox, api, apiJson, apiQuery, download, startPage } from './common.js';
import { showRemarks } from './remarques.js';

const main = document.getElementById('contenu');

function errorList(problem) {
  const errors = (problem && problem.errors) || [];
  return errors.length === 0 ? null : el('ul', { id: 'erreurs-modele' }, errors.map((e) => el('li', {},
    el('strong', {}, e.balise || e.code), ` : ${e.message}`, e.emplacement ? ` (${e.emplacement})` : '')));
}

async function templateSection(context, holder) {
  const info = await apiJson('report/template/info?' + apiQuery(context));
  const message = el('div', { 'aria-live': 'polite' });
  const input = el('input', { type: 'file', id: 'nouveau-modele', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document', required: true });
  const form = el('form', { method: 'post', action: '/rapport' },
    el('div', { className: 'champ' }, el('label', { for: 'nouveau-modele' }, 'Nouveau modèle Word (.docx)', el('span', { className: 'aide' }, 'Il est vérifié avec les données de l\u2019année avant d\u2019être mis en service.')), input),
    el('button', { type: 'submit' }, 'Remplacer le modèle'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) {
      fill(message, alertBox('erreur', el('p', {}, 'Choisissez un fichier .docx.')));
      return;
    }
    try {
      await api('report/template?' + apiQuery(context), { method: 'PUT', body: file, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
      await templateSection(context, holder);
      holder.querySelector('[aria-live]').replaceChildren(alertBox('succes', el('p', {}, `Modèle « ${file.name} » mis en service.`)));
    } catch (error) {
      fill(message, alertBox('erreur', el('p', {}, 'Modèle refusé : il n\u2019a pas été mis en service.'), el('p', {}, error.message), errorList(error.problem)));
    }
  });
  const own = info.source === info.departementSource;
  const reset = own ? el('button', { type: 'button', className: 'secondaire', id: 'modele-commun' }, 'Revenir au modèle commun') : null;
  if (reset) {
    reset.addEventListener('click', async () => {
      try {
        await api('report/template?' + apiQuery(context), { method: 'DELETE' });
        await templateSection(context, holder);
      } catch (error) {
        fill(message, alertBox('erreur', el('p', {}, error.message)));
      }
    });
  }
  fill(holder,
    el('h2', {}, 'Modèle Word en vigueur'),
    el('p', {}, info.builtIn ? 'Le modèle intégré à l\u2019application.' : `Le modèle « ${info.source} ».`),
    el('div', { className: 'actions' },
      el('a', { className: 'bouton secondaire', id: 'telecharger-modele', href: '/api/portal/report/template?' + apiQuery(context), download: true }, 'Télécharger le modèle en vigueur'),
      reset),
    el('h3', {}, 'Remplacer le modèle'),
    message,
    form);
}

const context = await startPage('/rapport');
if (context) {
  const message = el('div', { 'aria-live': 'polite' });
  const generate = el('button', { type: 'button', id: 'generer-rapport' }, `Générer et télécharger le rapport ${context.annee}`);
  generate.addEventListener('click', async () => {
    generate.disabled = true;
    fill(message, el('p', { role: 'status' }, 'Génération en cours…'));
    try {
      const name = await download('report?' + apiQuery(context), `rapport-execution-${context.departement}-${context.annee}.docx`);
      fill(message, alertBox('succes', el('p', {}, `Rapport généré et téléchargé : ${name}.`)));
    } catch (error) {
      fill(message, alertBox('erreur', el('p', {}, error.message), errorList(error.problem)));
    } finally {
      generate.disabled = false;
    }
  });
  const templateHolder = el('section', { id: 'modele' });
  fill(main,
    el('h1', {}, `Rapport d\u2019exécution ${context.annee} – ${context.nom} (${context.departement})`),
    el('p', { className: 'chapeau' }, 'Le rapport est produit à partir des données importées et consolidées, avec le modèle Word en vigueur ; il reste modifiable dans Word.'),
    el('div', { className: 'actions' }, generate),
    message,
    templateHolder);
  await showRemarks(context, 'rapport');
  try {
    await templateSection(context, templateHolder);
  } catch (error) {
    fill(templateHolder, alertBox('erreur', el('p', {}, error.message)));
  }
}

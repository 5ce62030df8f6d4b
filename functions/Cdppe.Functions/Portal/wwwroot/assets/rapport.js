// Rapport: generate and download the rapport d'exécution of a year; the report completed in Word uploaded (the
// texts of its places kept), each place with its last change and a short text written here; the Word template in
// force, its download, and its replacement (refused with the list of its errors).
import { el, fill, alertBox, api, apiJson, apiQuery, download, startPage, table } from './common.js';
import { showRemarks } from './remarques.js';

const main = document.getElementById('contenu');

function errorList(problem) {
  const errors = (problem && problem.errors) || [];
  return errors.length === 0 ? null : el('ul', { id: 'erreurs-modele' }, errors.map((e) => el('li', {},
    e.balise ? [el('strong', {}, e.balise), ' : '] : null, e.message, e.emplacement ? ` (${e.emplacement})` : '')));
}

// A form that sends one .docx the user picks (its field, help and button); a missing file is said in message.
function docxForm(id, label, help, button, message, send) {
  const input = el('input', { type: 'file', id, accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document', required: true });
  const form = el('form', { method: 'post', action: '/rapport' },
    el('div', { className: 'champ' }, el('label', { for: id }, label, el('span', { className: 'aide' }, help)), input),
    el('button', { type: 'submit' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) {
      fill(message, alertBox('erreur', el('p', {}, 'Choisissez un fichier .docx.')));
      return;
    }
    await send(file);
  });
  return form;
}

async function templateSection(context, holder) {
  const info = await apiJson('report/template/info?' + apiQuery(context));
  const message = el('div', { 'aria-live': 'polite' });
  const form = docxForm('nouveau-modele', 'Nouveau modèle Word (.docx)', 'Il est vérifié avec les données de l\u2019année avant d\u2019être mis en service.', 'Remplacer le modèle', message, async (file) => {
    try {
      await api('report/template?' + apiQuery(context), { method: 'PUT', body: file, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'X-Cdppe-Fichier': encodeURIComponent(file.name) } });
      await templateSection(context, holder);
      holder.querySelector('[aria-live]').replaceChildren(alertBox('succes', el('p', {}, `Modèle « ${file.name} » mis en service.`)));
    } catch (error) {
      // The summary, then each error once in the list (the detail repeats them for scripts).
      fill(message, alertBox('erreur', el('p', {}, (error.problem && error.problem.summary) || error.message), errorList(error.problem)));
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

async function textsSection(context, holder) {
  const places = await apiJson('report/texts?' + apiQuery(context));
  const message = el('div', { 'aria-live': 'polite' });
  const form = docxForm('rapport-complete', 'Rapport complété (.docx)', 'Le texte écrit dans les zones du rapport est conservé et repris à chaque génération ; le reste du document est produit à nouveau à partir des données.', 'Déposer le rapport complété', message, async (file) => {
    try {
      const result = await apiJson('report/texts?' + apiQuery(context, { fichier: file.name }), { method: 'PUT', body: file, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
      await textsSection(context, holder);
      holder.querySelector('[aria-live]').replaceChildren(alertBox(result.warnings.length ? 'attention' : 'succes', el('p', {}, result.message),
        result.warnings.length ? el('ul', { id: 'avertissements-textes' }, result.warnings.map((w) => el('li', {}, w))) : null));
    } catch (error) {
      fill(message, alertBox('erreur', el('p', {}, error.message)));
    }
  });
  const rows = places.map((p) => {
    const edit = el('button', { type: 'button', className: 'secondaire' }, 'Écrire');
    edit.addEventListener('click', () => editor(context, holder, p));
    return [p.title, p.changed ? `${p.changed}, ${p.author} (${p.file})` : 'aucun texte', p.excerpt || '', edit];
  });
  fill(holder,
    el('h2', {}, 'Textes du Département'),
    el('p', {}, 'Téléchargez le rapport, écrivez dans ses zones (dans Word ou LibreOffice), puis déposez-le ici.'),
    message,
    form,
    places.length === 0
      ? el('p', { className: 'discret' }, 'Générez le rapport une première fois pour connaître ses zones de texte.')
      : table('Zones de texte du rapport', ['Zone', 'Dernière modification', 'Début du texte', ''], rows));
}

function editor(context, holder, place) {
  const area = el('textarea', { id: 'texte-zone', rows: 6, maxlength: 50000 }, place.excerpt && !place.excerpt.endsWith('…') ? place.excerpt : '');
  const message = el('div', { 'aria-live': 'polite' });
  const form = el('form', { method: 'post', action: '/rapport', id: 'edition-texte' },
    el('div', { className: 'champ' }, el('label', { for: 'texte-zone' }, `Texte de la zone « ${place.title} »`, el('span', { className: 'aide' }, 'Un paragraphe par ligne ; la mise en forme (gras, listes) se fait dans Word. Un texte vide rend la zone à son texte d\u2019aide.')), area),
    el('button', { type: 'submit' }, 'Enregistrer le texte'), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(`report/texts/${encodeURIComponent(place.name)}?` + apiQuery(context), { method: 'PUT', body: area.value, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      await textsSection(context, holder);
      holder.querySelector('[aria-live]').replaceChildren(alertBox('succes', el('p', {}, `Texte de la zone « ${place.title} » enregistré.`)));
    } catch (error) {
      fill(message, alertBox('erreur', el('p', {}, error.message)));
    }
  });
  holder.querySelector('#edition-texte')?.remove();
  holder.append(form);
  area.focus();
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
      fill(message, alertBox('erreur', el('p', {}, (error.problem && error.problem.summary) || error.message), errorList(error.problem)));
    } finally {
      generate.disabled = false;
    }
  });
  const exports = [
    ['report?format=pdf&', `rapport-execution-${context.departement}-${context.annee}.pdf`, 'Rapport en PDF', 'le rapport converti en PDF balisé, avec signets, prêt à publier.'],
    ['exports/tableau-de-bord?', `tableau-de-bord-snppe-${context.departement}-${context.annee}.xlsx`, 'Tableau de bord SNPPE', `le tableau de l’État rempli, niveaux d’atteinte jusqu’en ${context.annee}.`],
    ['exports/rapport-financier?', `rapport-financier-${context.departement}-${context.annee}.xlsx`, 'Rapport financier', 'prévu par financeur, consommé, solde et taux, totaux en formules.'],
    ['exports/annexe-2-1?', `annexe-2-1-${context.departement}-${context.annee}.xlsx`, `Annexe 2.1 ${context.annee}`, `repart des actions et des montants ${context.annee} de l’annexe ${context.annee - 1}.`],
  ];
  const exportList = el('ul', { className: 'exports' }, ...exports.map(([path, name, label, line]) => {
    const button = el('button', { type: 'button', className: 'bouton secondaire' }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        fill(message, alertBox('succes', el('p', {}, `Téléchargé : ${await download(path + apiQuery(context), name)}.`)));
      } catch (error) {
        fill(message, alertBox('erreur', el('p', {}, error.message), errorList(error.problem)));
      } finally {
        button.disabled = false;
      }
    });
    return el('li', {}, button, ` : ${line}`);
  }));
  const templateHolder = el('section', { id: 'modele' });
  const textsHolder = el('section', { id: 'textes' });
  fill(main,
    el('h1', {}, `Rapport d\u2019exécution ${context.annee} – ${context.nom} (${context.departement})`),
    el('p', { className: 'chapeau' }, 'Le rapport est produit à partir des données importées et consolidées, avec le modèle Word en vigueur ; il reste modifiable dans Word.'),
    el('div', { className: 'actions' }, generate),
    el('h2', {}, 'Documents pour l’État'),
    exportList,
    message,
    textsHolder,
    templateHolder);
  await showRemarks(context, 'rapport');
  try {
    await textsSection(context, textsHolder);
  } catch (error) {
    fill(textsHolder, alertBox('erreur', el('p', {}, error.message)));
  }
  try {
    await templateSection(context, templateHolder);
  } catch (error) {
    fill(templateHolder, alertBox('erreur', el('p', {}, error.message)));
  }
}

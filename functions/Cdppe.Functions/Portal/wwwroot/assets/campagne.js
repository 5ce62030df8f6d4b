// Campagne: the département's yearly campaign with the State. The département transmits its package (the report
// rendered now as .docx and .pdf, the State's workbooks, the manifest naming any file missing and why); the State
// reviews it (en instruction, à compléter with remarks, validé). Every round stays downloadable byte for byte; the
// journal says who did what.
import { el, fill, fr, badge, alertBox, api, apiJson, apiQuery, startPage, table } from './common.js';

const main = document.getElementById('contenu');
const context = await startPage('/campagne');

function packageLink(round) {
  return el('a', { href: `/api/portal/campagne/paquets/${encodeURIComponent(round.id)}?` + apiQuery(context), download: true, id: `paquet-${round.tour}` }, `Paquet du tour ${round.tour} (.zip)`);
}

function transmitSection(c, message) {
  const role = context.session.roleCode;
  if (role !== 'Departement' || !['en-preparation', 'a-completer'].includes(c.etat)) return null;
  const button = el('button', { type: 'button', id: 'transmettre' }, c.tour === 0 ? 'Transmettre le rapport à l\u2019État' : 'Transmettre à nouveau à l\u2019État');
  button.addEventListener('click', async () => {
    button.disabled = true;
    fill(message, el('p', {}, 'Transmission en cours : le rapport est généré et figé…'));
    try {
      const receipt = await apiJson('campagne/transmissions?' + apiQuery(context), { method: 'POST' });
      await render(`Transmis : paquet ${receipt.id} (tour ${receipt.tour}).` + (receipt.manquants || []).map((m) => ` ${m.fichier} absent : ${m.raison}`).join(''));
    } catch (error) {
      button.disabled = false;
      fill(message, alertBox('erreur', el('p', {}, error.message)));
    }
  });
  return el('section', {}, el('h2', {}, 'Transmettre'),
    el('p', {}, 'La transmission génère le rapport (Word, et PDF quand le serveur sait le convertir) et les classeurs de l\u2019État avec les données d\u2019aujourd\u2019hui, et les fige avec leur manifeste (empreinte SHA-256 de chaque fichier, et tout fichier manquant avec sa raison) : ce paquet ne changera plus.'),
    button);
}

function reviewSection(c, message) {
  if (context.session.roleCode !== 'National' || !['transmis', 'en-instruction'].includes(c.etat)) return null;
  const state = el('select', { id: 'etat-revue' },
    c.etat === 'transmis' ? el('option', { value: 'en-instruction' }, 'En instruction') : null,
    el('option', { value: 'a-completer' }, 'À compléter'),
    el('option', { value: 'valide' }, 'Validé'));
  const part = el('input', { id: 'partie-remarque', type: 'text', placeholder: 'fiche-9, indicateur-9.1, rapport-financier-12, texte-introduction, ensemble' });
  const text = el('textarea', { id: 'texte-remarque', rows: 3 });
  const button = el('button', { type: 'button', id: 'enregistrer-revue' }, 'Enregistrer la revue');
  button.addEventListener('click', async () => {
    const remarques = text.value.trim() ? [{ partie: part.value.trim() || 'ensemble', texte: text.value.trim() }] : [];
    button.disabled = true;
    try {
      await api('campagne/revues?' + apiQuery(context), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ etat: state.value, remarques }) });
      await render('Revue enregistrée.');
    } catch (error) {
      button.disabled = false;
      fill(message, alertBox('erreur', el('p', {}, error.message)));
    }
  });
  return el('section', {}, el('h2', {}, 'Instruire'),
    el('div', { className: 'champ' }, el('label', { for: 'etat-revue' }, 'Nouvel état'), state),
    el('div', { className: 'champ' }, el('label', { for: 'partie-remarque' }, 'Partie concernée par la remarque'), part),
    el('div', { className: 'champ' }, el('label', { for: 'texte-remarque' }, 'Remarque (facultative)'), text),
    button);
}

async function render(done) {
  const c = await apiJson('campagne?' + apiQuery(context));
  const message = el('div', { id: 'message-campagne', role: 'status' }, done ? alertBox('succes', el('p', {}, done)) : null);
  const rounds = c.tours.map((r) => [
    String(r.tour),
    fr.dateTime(r.transmisLe),
    `${r.transmisPar.nom} (${r.transmisPar.role})`,
    el('ul', {}, r.manifest.map((f) => el('li', {}, `${f.fichier} — SHA-256 ${f.sha256}`)),
      (r.manquants || []).map((m) => el('li', { className: 'manquant', 'data-fichier': m.fichier }, el('strong', {}, `${m.fichier} absent : `), m.raison))),
    r.revueLibelle ? `${r.revueLibelle}, par ${r.revuePar.nom}, ${fr.dateTime(r.revueLe)}` : 'en attente',
    packageLink(r),
  ]);
  fill(main,
    el('h1', {}, `Campagne ${c.annee} – ${context.nom} (${c.departement})`),
    el('p', { className: 'chapeau' }, 'État : ', badge(c.etatLibelle), c.tour > 0 ? ` — tour ${c.tour}` : ''),
    message,
    c.remarquesEnCours.length === 0 ? null : alertBox('attention', el('h2', {}, 'Remarques de l\u2019État à traiter'),
      el('ul', { id: 'remarques-campagne' }, c.remarquesEnCours.map((r) => el('li', {}, el('strong', {}, `${r.partieLibelle} : `), r.texte, ` — ${r.auteur.nom}`)))),
    transmitSection(c, message),
    reviewSection(c, message),
    el('h2', {}, 'Tours de transmission'),
    rounds.length === 0 ? el('p', {}, 'Rien n\u2019a encore été transmis.')
      : table(`Transmissions ${c.annee}`, ['Tour', 'Transmis le', 'Par', 'Fichiers', 'Revue', 'Paquet'], rounds),
    el('h2', {}, 'Remarques de tous les tours'),
    c.remarques.length === 0 ? el('p', {}, 'Aucune remarque.')
      : table('Remarques', ['Tour', 'Partie', 'Remarque', 'Par', 'Le'], c.remarques.map((r) => [String(r.tour), r.partieLibelle, r.texte, r.auteur.nom, fr.dateTime(r.le)])),
    el('h2', {}, 'Journal'),
    table('Qui a fait quoi, du plus récent au plus ancien (non modifiable)', ['Quand', 'Qui', 'Rôle', 'Action'], c.journal.map((e) => [fr.dateTime(e.le), e.auteur.nom, e.auteur.role, e.description])),
    el('h2', {}, 'Notifications'),
    c.notifications.length === 0 ? el('p', {}, 'Aucune notification.')
      : table('Notifications envoyées ou en attente', ['Créée le', 'Objet', 'Destinataires', 'État', 'Tentatives', 'Dernière erreur'],
        c.notifications.map((n) => [fr.dateTime(n.createdAt), n.subject, n.recipients.join(', '), n.status, fr.number(n.attempts), n.lastError || ''])));
}

if (context) {
  try {
    await render(null);
  } catch (error) {
    fill(main, el('h1', {}, 'Campagne'), alertBox('erreur', el('p', {}, error.message)));
  }
}

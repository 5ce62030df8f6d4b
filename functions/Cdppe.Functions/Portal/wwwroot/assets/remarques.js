// The State's remarks in progress on the département's campaign of the year, shown on the pages of the parts they
// name (Indicateurs: fiches and indicators; Rapport: lines of the rapport financier, texts, the whole) and all of
// them on the Accueil, until the next transmission answers them.
import { el, fr, alertBox, apiJson, apiQuery, pageLink } from './common.js';

/** Adds, after the page's title, the remarks in progress for `page` ('indicateurs', 'rapport'; none: every one). */
export async function showRemarks(context, page) {
  let campaign;
  try {
    campaign = await apiJson('campagne?' + apiQuery(context));
  } catch {
    return; // The page itself stays usable without its remarks.
  }
  const remarks = campaign.remarquesEnCours.filter((r) => !page || r.page === page);
  if (remarks.length === 0) return;
  const title = document.querySelector('#contenu h1');
  const box = alertBox('attention',
    el('h2', { id: 'titre-remarques' }, `Remarques de l\u2019État à traiter (campagne ${campaign.annee}, tour ${campaign.tour})`),
    el('ul', { id: 'remarques-en-cours' }, remarks.map((r) =>
      el('li', { 'data-partie': r.partie }, el('strong', {}, `${r.partieLibelle} : `), r.texte, el('span', { className: 'discret' }, ` — ${r.auteur.nom}, ${fr.dateTime(r.le)}`)))),
    el('p', {}, el('a', { href: pageLink('/campagne', context) }, 'Voir la campagne et transmettre à nouveau')));
  box.id = 'remarques';
  if (title) title.after(box);
}
